import { describeRule } from "../testing";

const history = ['CREATE TABLE "T" ("v" VARCHAR(20), "n" NUMERIC(10,2), "i" INTEGER, "t" TEXT, "ts" TIMESTAMP)'];

describeRule("column-type-rewrite", {
  flags: [
    { sql: 'ALTER TABLE "T" ALTER COLUMN "i" TYPE BIGINT;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "t" TYPE INTEGER USING "t"::int;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "ts" TYPE TIMESTAMPTZ;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "n" TYPE NUMERIC(12,4);', previousSql: history },
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
