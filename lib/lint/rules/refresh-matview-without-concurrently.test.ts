import { describeRule } from "../testing";

describeRule("refresh-matview-without-concurrently", {
  flags: ['REFRESH MATERIALIZED VIEW "DailyRevenue";'],
  passes: ['REFRESH MATERIALIZED VIEW CONCURRENTLY "DailyRevenue";'],
});
