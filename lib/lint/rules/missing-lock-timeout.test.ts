import { describeRule } from "../testing";

describeRule("missing-lock-timeout", {
  flags: [
    'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;',
    'CREATE INDEX "i" ON "User" ("a");',
    'ALTER TABLE "User" ADD COLUMN "a" TEXT;\nSET lock_timeout = \'2s\';',
    // 0 turns the timeout off (wait forever); DEFAULT and RESET go back to the server's, normally none.
    'SET lock_timeout = 0;\nALTER TABLE "User" ADD COLUMN "a" TEXT;',
    "SET lock_timeout = '0';\nALTER TABLE \"User\" ADD COLUMN \"a\" TEXT;",
    'SET lock_timeout = \'2s\';\nRESET lock_timeout;\nALTER TABLE "User" ADD COLUMN "a" TEXT;',
    'SET lock_timeout = \'2s\';\nSET lock_timeout TO DEFAULT;\nALTER TABLE "User" ADD COLUMN "a" TEXT;',
  ],
  passes: [
    "SELECT set_config('lock_timeout', '2s', true);\nALTER TABLE \"User\" ADD COLUMN \"a\" TEXT;",
    'SET lock_timeout = 2000;\nALTER TABLE "User" ADD COLUMN "a" TEXT;',
    'SET lock_timeout = \'2s\';\nALTER TABLE "User" ADD COLUMN "nickname" TEXT;',
    'BEGIN;\nSET LOCAL lock_timeout = \'2s\';\nALTER TABLE "User" ADD COLUMN "nickname" TEXT;\nCOMMIT;',
    'CREATE TABLE "Tag" ("id" BIGINT);\nALTER TABLE "Tag" ADD COLUMN "name" TEXT;',
    'CREATE INDEX CONCURRENTLY "i" ON "User" ("a");',
    'UPDATE "User" SET "a" = 1 WHERE "id" < 100;',
  ],
});

describeRule("missing-lock-timeout", {
  flags: [
    // CREATE TABLE … REFERENCES takes SHARE ROW EXCLUSIVE on the existing referenced table.
    'CREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "userId" TEXT REFERENCES "User"("id"));',
    'CREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "userId" TEXT, CONSTRAINT "Task_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id"));',
    // ALTER TYPE … ADD VALUE waits for the type's lock.
    "ALTER TYPE \"Status\" ADD VALUE 'ARCHIVED';",
  ],
  passes: [
    'CREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "parentId" TEXT REFERENCES "Task"("id"));',
    'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY);\nCREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "projectId" TEXT REFERENCES "Project"("id"));',
    "CREATE TYPE \"Status\" AS ENUM ('OPEN');\nALTER TYPE \"Status\" ADD VALUE 'ARCHIVED';",
    "SET lock_timeout = '2s';\nALTER TYPE \"Status\" ADD VALUE 'ARCHIVED';",
  ],
});
