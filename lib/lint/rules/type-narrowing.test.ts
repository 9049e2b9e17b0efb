import { describeRule } from "../testing";

const history = ['CREATE TABLE "T" ("v" VARCHAR(20), "n" NUMERIC(10,2), "b" BIGINT, "t" TEXT)'];

describeRule("type-narrowing", {
  flags: [
    { sql: 'ALTER TABLE "T" ALTER COLUMN "v" TYPE VARCHAR(5);', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "t" TYPE VARCHAR(100);', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "b" TYPE INTEGER;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "n" TYPE NUMERIC(8,2);', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "n" TYPE NUMERIC(10,1);', previousSql: history },
  ],
  passes: [
    { sql: 'ALTER TABLE "T" ALTER COLUMN "v" TYPE VARCHAR(200);', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "v" TYPE TEXT;', previousSql: history },
    { sql: 'ALTER TABLE "T" ALTER COLUMN "n" TYPE NUMERIC(12,2);', previousSql: history },
    'ALTER TABLE "Unknown" ALTER COLUMN "c" TYPE VARCHAR(5);',
  ],
});
