import { describeRule } from "../testing";

describeRule("rename-column", {
  flags: ['ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";', 'ALTER TABLE "User" RENAME "name" TO "fullName";'],
  passes: ['CREATE TABLE "Tmp" ("a" INT);\nALTER TABLE "Tmp" RENAME COLUMN "a" TO "b";', 'ALTER TABLE "User" RENAME TO "Member";', 'ALTER TABLE "User" RENAME CONSTRAINT "a" TO "b";'],
});
