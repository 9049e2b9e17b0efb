import { describeRule } from "../testing";

const big = { targetStats: { Order: { reltuples: 2_000_000, liveTuples: 2_000_000 } } };

describeRule("unbatched-data-change", {
  flags: [
    { sql: 'UPDATE "Order" SET "currency" = \'EUR\';', ...big },
    { sql: 'UPDATE "Order" SET "currency" = \'EUR\' WHERE "currency" IS NULL;', ...big },
    { sql: 'DELETE FROM "Order" WHERE "status" = \'void\';', ...big },
  ],
  passes: [
    { sql: 'UPDATE "Order" SET "currency" = \'EUR\' WHERE "id" BETWEEN 1 AND 10000;', ...big },
    { sql: 'DELETE FROM "Order" WHERE "id" IN (SELECT "id" FROM "Order" WHERE "status" = \'void\' LIMIT 10000);', ...big },
    { sql: 'UPDATE "Order" SET "currency" = \'EUR\' WHERE "id" >= 1 AND "id" < 10000;', ...big },
    // Small tables, and no statistics at all, are not flagged.
    { sql: 'UPDATE "Order" SET "currency" = \'EUR\';', targetStats: { Order: { reltuples: 500 } } },
    'UPDATE "Order" SET "currency" = \'EUR\';',
  ],
});
