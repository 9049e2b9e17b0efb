import { describeRule } from "../testing";

describeRule("prefer-jsonb", {
  flags: ['CREATE TABLE "Event" ("payload" JSON);', 'ALTER TABLE "Event" ADD COLUMN "meta" JSON;'],
  passes: ['CREATE TABLE "Event" ("payload" JSONB);', 'ALTER TABLE "Event" ADD COLUMN "meta" JSONB;'],
});
