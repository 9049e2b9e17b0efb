import { describeRule } from "../testing";

describeRule("prefer-text", {
  flags: ['CREATE TABLE "User" ("email" VARCHAR(255));', 'ALTER TABLE "User" ADD COLUMN "code" CHARACTER VARYING(8);'],
  passes: [
    'CREATE TABLE "User" ("email" TEXT);',
    'CREATE TABLE "User" ("email" VARCHAR);',
    { sql: 'CREATE TABLE "User" ("email" VARCHAR(255));', config: { rules: { "prefer-text": "off" } } },
  ],
});
