import { describeRule } from "../testing";

describeRule("vacuum-full-or-cluster", {
  flags: ['VACUUM FULL "Event";', 'VACUUM (FULL, ANALYZE) "Event";', 'CLUSTER "Event" USING "Event_pkey";'],
  passes: ['VACUUM "Event";', 'VACUUM (ANALYZE) "Event";', 'ANALYZE "Event";'],
});
