import { describeRule } from "../testing";

describeRule("prefer-timestamptz", {
  flags: ['CREATE TABLE "Event" ("at" TIMESTAMP(3) NOT NULL);', 'ALTER TABLE "Event" ADD COLUMN "at" TIMESTAMP WITHOUT TIME ZONE;'],
  passes: ['CREATE TABLE "Event" ("at" TIMESTAMPTZ(3));', 'ALTER TABLE "Event" ADD COLUMN "at" TIMESTAMP WITH TIME ZONE;', 'CREATE TABLE "Event" ("on" DATE);'],
});
