import { describeRule } from "../testing";

describeRule("add-required-column", {
  flags: ['ALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL;'],
  passes: [
    'ALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL DEFAULT \'free\';',
    'ALTER TABLE "User" ADD COLUMN "plan" TEXT;',
    'ALTER TABLE "User" ADD COLUMN "n" BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL;',
    'CREATE TABLE "Tag" ("id" BIGINT);\nALTER TABLE "Tag" ADD COLUMN "name" TEXT NOT NULL;',
  ],
});
