import { describeRule } from "../testing";

describeRule("drop-schema", {
  flags: ["DROP SCHEMA reporting CASCADE;", "DROP SCHEMA IF EXISTS a, b;"],
  passes: ["CREATE SCHEMA reporting;", 'DROP TABLE "x";'],
});
