import { describeRule } from "../testing";

describeRule("set-logged-unlogged", {
  flags: ['ALTER TABLE "Event" SET LOGGED;', 'ALTER TABLE "Event" SET UNLOGGED;'],
  passes: ['CREATE UNLOGGED TABLE "Cache" ("k" TEXT);', 'CREATE TABLE "Cache" ("k" TEXT);\nALTER TABLE "Cache" SET UNLOGGED;'],
});
