import { describeRule } from "../testing";

const history = ['CREATE TABLE "T" ("v" VARCHAR(20), "n" NUMERIC(10,2), "i" INTEGER, "t" TEXT, "ts" TIMESTAMP)'];

describeRule("column-type-rewrite", {
  flags: [
    { sql: 'ALTER TABLE "T" ALTER COLUMN "i" TYPE BIGINT;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "t" TYPE INTEGER USING "t"::int;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "ts" TYPE TIMESTAMPTZ;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "n" TYPE NUMERIC(12,4);', previousSql: history },
    // Prisma's enum rebuild, the second time on the same enum: the column's type was renamed back
    // to "Status" after the first rebuild, so "Status_new" is a different type again.
    {
      sql: 'CREATE TYPE "Status_new" AS ENUM (\'A\');\nALTER TABLE "E" ALTER COLUMN "s" TYPE "Status_new" USING ("s"::text::"Status_new");',
      previousSql: [
        'CREATE TYPE "Status" AS ENUM (\'A\', \'B\', \'C\');\nCREATE TABLE "E" ("s" "Status");',
        'CREATE TYPE "Status_new" AS ENUM (\'A\', \'B\');\nALTER TABLE "E" ALTER COLUMN "s" TYPE "Status_new" USING ("s"::text::"Status_new");\nALTER TYPE "Status" RENAME TO "Status_old";\nALTER TYPE "Status_new" RENAME TO "Status";\nDROP TYPE "Status_old";',
      ],
    },
    // Old type unknown: reported (at medium) because a rewrite cannot be ruled out.
    'ALTER TABLE "Unknown" ALTER COLUMN "c" TYPE TEXT;',
  ],
  passes: [
    { sql: 'ALTER TABLE "T" ALTER COLUMN "v" TYPE VARCHAR(50);', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "v" TYPE TEXT;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "n" TYPE NUMERIC(14,2);', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "n" TYPE NUMERIC;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "t" TYPE VARCHAR;', previousSql: history },
    // Narrowing is type-narrowing's finding, not this one's.
    { sql: 'ALTER TABLE "T" ALTER COLUMN "v" TYPE VARCHAR(5);', previousSql: history },
    // Known from the target's catalog.
    { sql: 'ALTER TABLE "C" ALTER COLUMN "v" TYPE TEXT;', targetStats: { C: { reltuples: 5e7, columns: [{ name: "v", type: "varchar", mods: [20] }] } } },
    'CREATE TABLE "New" ("i" INT);\nALTER TABLE "New" ALTER COLUMN "i" TYPE BIGINT;',
  ],
});
