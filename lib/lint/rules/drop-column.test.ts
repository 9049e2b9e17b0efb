import { describeRule } from "../testing";

describeRule("drop-column", {
  flags: ['ALTER TABLE "User" DROP COLUMN "legacyRole";', 'ALTER TABLE "User" DROP COLUMN IF EXISTS "a", DROP COLUMN "b";'],
  passes: ['ALTER TABLE "User" DROP CONSTRAINT "c";', 'CREATE TABLE "Tmp" ("a" INT, "b" INT);\nALTER TABLE "Tmp" DROP COLUMN "b";'],
});
