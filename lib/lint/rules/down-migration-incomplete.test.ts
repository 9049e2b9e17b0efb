import { describeRule } from "../testing";

describeRule("down-migration-incomplete", {
  flags: [
    { sql: 'CREATE TABLE "Invoice" ("id" TEXT PRIMARY KEY);', downSql: "" },
    { sql: 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;', downSql: 'ALTER TABLE "Other" DROP COLUMN "nickname";' },
    { sql: 'CREATE INDEX CONCURRENTLY "i" ON "User" ("a");', downSql: "SELECT 1;" },
    { sql: 'DROP TABLE "Legacy";', downSql: "SELECT 1;" },
    { sql: "CREATE TYPE \"Role\" AS ENUM ('A');", downSql: "" },
  ],
  passes: [
    { sql: 'CREATE TABLE "Invoice" ("id" TEXT PRIMARY KEY);\nCREATE INDEX "Invoice_id_idx" ON "Invoice" ("id");', downSql: 'DROP TABLE "Invoice";' },
    { sql: 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;', downSql: 'ALTER TABLE "User" DROP COLUMN "nickname";' },
    { sql: 'DROP TABLE "Legacy";', downSql: 'CREATE TABLE "Legacy" ("id" TEXT);' },
    // No down.sql at all is missing-down-migration's finding.
    { sql: 'CREATE TABLE "Invoice" ("id" TEXT PRIMARY KEY);', downSql: undefined },
  ],
});
