import { describeRule } from "../testing";

describeRule("drop-table", {
  flags: ['DROP TABLE "LegacyInvoice";', 'DROP TABLE IF EXISTS "A", "B" CASCADE;'],
  passes: ['CREATE TABLE "Tmp" ("id" BIGINT);\nDROP TABLE "Tmp";', 'DROP INDEX CONCURRENTLY "i";', 'DROP VIEW "v";'],
});
