import { describeRule } from "../testing";

describeRule("missing-down-migration", {
  flags: [{ sql: 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;', downSql: undefined }],
  passes: [{ sql: 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;', downSql: 'ALTER TABLE "User" DROP COLUMN "nickname";' }],
});
