import { nodeAs } from "../ast";
import type { Rule } from "../types";
import { hit, ident } from "./support";

export const refreshMatviewWithoutConcurrently: Rule = {
  id: "refresh-matview-without-concurrently",
  title: "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
  category: "locking",
  defaultSeverity: "medium",
  sizedByTable: true,
  description:
    "A plain refresh holds ACCESS EXCLUSIVE on the view: every SELECT from it waits for the whole query to re-run. CONCURRENTLY (needs a unique index on the view) lets reads continue.",
  badSql: 'REFRESH MATERIALIZED VIEW "DailyRevenue";',
  goodSql: 'CREATE UNIQUE INDEX CONCURRENTLY "DailyRevenue_day_key" ON "DailyRevenue" ("day");\nREFRESH MATERIALIZED VIEW CONCURRENTLY "DailyRevenue";',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["RefreshMatViewStmt"],
  check(ctx) {
    return ctx.statements.flatMap((statement) => {
      const refresh = nodeAs(statement.node, "RefreshMatViewStmt");
      const view = refresh?.relation?.relname;
      if (!refresh || refresh.concurrent || !view) return [];
      return [
        hit(statement, {
          table: view,
          lock: "ACCESS EXCLUSIVE",
          message: `REFRESH MATERIALIZED VIEW "${view}" holds ACCESS EXCLUSIVE while its query re-runs: every read of the view waits.`,
          safeSql: `-- requires a unique index on the view\nREFRESH MATERIALIZED VIEW CONCURRENTLY ${ident(view)};`,
        }),
      ];
    });
  },
};
