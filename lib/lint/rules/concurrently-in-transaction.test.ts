import { describeRule } from "../testing";

describeRule("concurrently-in-transaction", {
  flags: [
    'BEGIN;\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");\nCOMMIT;',
    'BEGIN;\nDROP INDEX CONCURRENTLY "i";\nCOMMIT;',
    'START TRANSACTION;\nREINDEX INDEX CONCURRENTLY "i";\nCOMMIT;',
  ],
  passes: [
    'CREATE INDEX CONCURRENTLY "i" ON "Order" ("a");',
    // Outside the explicit block it commits on its own.
    'BEGIN;\nALTER TABLE "Order" ADD COLUMN "a" TEXT;\nCOMMIT;\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");',
  ],
});
