import { describeRule } from "../testing";

describeRule("rename-table", {
  flags: ['ALTER TABLE "Customer" RENAME TO "Client";'],
  passes: [
    'ALTER TABLE "Customer" RENAME TO "Client";\nCREATE VIEW "Customer" AS SELECT * FROM "Client";',
    'CREATE TABLE "Tmp" ("id" BIGINT);\nALTER TABLE "Tmp" RENAME TO "Final";',
    'ALTER TABLE "Customer" RENAME COLUMN "a" TO "b";',
  ],
});
