import { expect, it } from "vitest";
import { describeRule, findingsOf } from "../testing";

describeRule("prisma-multi-statement-non-transactional", {
  flags: [
    'CREATE INDEX CONCURRENTLY "a" ON "Order" ("a");\nCREATE INDEX CONCURRENTLY "b" ON "Order" ("b");',
    "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY \"a\" ON \"Order\" (\"a\");",
    'DROP INDEX CONCURRENTLY "a";\nALTER TABLE "Order" ADD COLUMN "n" TEXT;',
    'REINDEX INDEX CONCURRENTLY "a";\nSELECT 1;',
    'VACUUM "Order";\nANALYZE "Order";',
    "ALTER SYSTEM SET work_mem = '64MB';\nSELECT pg_reload_conf();",
    // After an explicit block, the rest of the file still runs in Prisma's (and Sluice's) implicit transaction.
    'BEGIN;\nALTER TABLE "Order" ADD COLUMN "a" TEXT;\nCOMMIT;\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");',
  ],
  passes: [
    'CREATE INDEX CONCURRENTLY "a" ON "Order" ("a");',
    'CREATE INDEX "a" ON "Order" ("a");\nCREATE INDEX "b" ON "Order" ("b");',
    'ANALYZE "Order";\nSELECT 1;',
    // Inside the explicit block it is concurrently-in-transaction's finding, not this one's.
    'BEGIN;\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");\nCOMMIT;',
  ],
});

it("says it is safe under Sluice, fails under Prisma's CLI, and is not atomic; once per file, low", async () => {
  const findings = await findingsOf("prisma-multi-statement-non-transactional", 'CREATE INDEX CONCURRENTLY "a" ON "Order" ("a");\nCREATE INDEX CONCURRENTLY "b" ON "Order" ("b");');
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ severity: "low", line: 1 });
  expect(findings[0].message).toMatch(/Safe under Sluice.*fails under Prisma's CLI.*25001.*Not atomic/s);
  expect(findings[0].safeSql).toContain("a migration folder of its own");
});

it("does not double-report with concurrently-in-transaction", async () => {
  const sql = 'BEGIN;\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");\nCOMMIT;';
  expect(await findingsOf("concurrently-in-transaction", sql)).toHaveLength(1);
  expect(await findingsOf("prisma-multi-statement-non-transactional", sql)).toEqual([]);
});

it("is high when the file has its own BEGIN/COMMIT (sent whole by Sluice too)", async () => {
  const findings = await findingsOf("prisma-multi-statement-non-transactional", 'BEGIN;\nALTER TABLE "Order" ADD COLUMN "a" TEXT;\nCOMMIT;\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");');
  expect(findings).toMatchObject([{ severity: "high", line: 4 }]);
});
