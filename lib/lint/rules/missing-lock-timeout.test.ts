import { describeRule } from "../testing";

describeRule("missing-lock-timeout", {
  flags: [
    'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;',
    'CREATE INDEX "i" ON "User" ("a");',
    'ALTER TABLE "User" ADD COLUMN "a" TEXT;\nSET lock_timeout = \'2s\';',
  ],
  passes: [
    'SET lock_timeout = \'2s\';\nALTER TABLE "User" ADD COLUMN "nickname" TEXT;',
    'BEGIN;\nSET LOCAL lock_timeout = \'2s\';\nALTER TABLE "User" ADD COLUMN "nickname" TEXT;\nCOMMIT;',
    'CREATE TABLE "Tag" ("id" BIGINT);\nALTER TABLE "Tag" ADD COLUMN "name" TEXT;',
    'CREATE INDEX CONCURRENTLY "i" ON "User" ("a");',
    'UPDATE "User" SET "a" = 1 WHERE "id" < 100;',
  ],
});
