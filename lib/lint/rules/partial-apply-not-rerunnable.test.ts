import { expect, it } from "vitest";
import { describeRule, findingsOf } from "../testing";

const RULE = "partial-apply-not-rerunnable";

describeRule(RULE, {
  flags: [
    'CREATE INDEX CONCURRENTLY "i" ON "Order" ("a");',
    // IF NOT EXISTS would keep an INVALID index from a failed run.
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS "i" ON "Order" ("a");',
    // Sluice runs this file one statement at a time: the table is committed before the index build.
    'CREATE TABLE "A" ("id" BIGINT);\nDROP INDEX CONCURRENTLY IF EXISTS "i";\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");',
    // Two explicit transactions: the first is committed when the second fails.
    "BEGIN;\nALTER TABLE \"Order\" ADD COLUMN \"a\" TEXT;\nCOMMIT;\nBEGIN;\nALTER TABLE \"Order\" ADD CONSTRAINT \"c\" CHECK (\"a\" <> '');\nCOMMIT;",
    "BEGIN;\nALTER TYPE \"Status\" ADD VALUE 'X';\nCOMMIT;\nBEGIN;\nUPDATE \"Order\" SET \"status\" = 'X' WHERE \"id\" < 10;\nCOMMIT;",
  ],
  passes: [
    'DROP INDEX CONCURRENTLY IF EXISTS "i";\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");',
    // What Prisma generates: one implicit transaction, nothing committed unless everything is.
    'CREATE TABLE "A" ("id" BIGINT);\nCREATE INDEX "A_id_idx" ON "A" ("id");\nALTER TABLE "Order" ADD CONSTRAINT "c" CHECK (true);',
    'BEGIN;\nALTER TABLE "Order" ADD COLUMN "a" TEXT;\nCOMMIT;',
    // Written to run twice.
    'CREATE TABLE IF NOT EXISTS "A" ("id" BIGINT);\nALTER TABLE "Order" ADD COLUMN IF NOT EXISTS "x" TEXT;\nDROP INDEX CONCURRENTLY IF EXISTS "i";\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");',
    'DROP INDEX CONCURRENTLY "i";',
  ],
});

it("reports what committed before the last step, once per file, naming the other lines", async () => {
  const findings = await findingsOf(RULE, 'CREATE TABLE "A" ("id" BIGINT);\nALTER TABLE "Order" ADD COLUMN "n" TEXT;\nDROP INDEX CONCURRENTLY IF EXISTS "i";\nCREATE INDEX CONCURRENTLY "i" ON "Order" ("a");\nALTER TABLE "Order" ADD COLUMN "m" TEXT;');
  expect(findings.map((f) => f.line)).toEqual([1]);
  expect(findings[0].message).toMatch(/commits in 5 steps.*CREATE TABLE "A" fails: it already exists\. So would 1 more statement here \(line 2\)\./);
});

it("tells how to clear a half-built concurrent index before building it", async () => {
  const [finding] = await findingsOf(RULE, 'CREATE UNIQUE INDEX CONCURRENTLY "Order_ref_key" ON "Order" ("ref");');
  expect(finding.message).toMatch(/INVALID index "Order_ref_key"/);
  expect(finding.safeSql).toBe('-- before each build, clear what a failed earlier run left:\nDROP INDEX CONCURRENTLY IF EXISTS "Order_ref_key";\nCREATE UNIQUE INDEX CONCURRENTLY "Order_ref_key" ON "Order" ("ref");');
});

it("reports a file's unguarded concurrent builds once, naming the other lines", async () => {
  const findings = await findingsOf(RULE, 'CREATE INDEX CONCURRENTLY "a" ON "Order" ("a");\nDROP INDEX CONCURRENTLY IF EXISTS "b";\nCREATE INDEX CONCURRENTLY "b" ON "Order" ("b");\nCREATE INDEX CONCURRENTLY "c" ON "Order" ("c");');
  expect(findings.map((f) => f.line)).toEqual([1]);
  expect(findings[0].message).toMatch(/INVALID index "a".*1 more CONCURRENTLY build here \(line 4\)/);
  expect(findings[0].safeSql).toContain("DROP INDEX CONCURRENTLY IF EXISTS c;");
  expect(findings[0].safeSql).not.toContain("IF EXISTS b");
});

it("rates the recommended index pattern as a low note about a retry, saying exactly what to run if the build fails", async () => {
  const [finding] = await findingsOf(RULE, "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS \"Order_a_idx\" ON \"Order\" (\"a\");");
  expect(finding.severity).toBe("low");
  expect(finding.message).toContain('`DROP INDEX CONCURRENTLY IF EXISTS "Order_a_idx";`');
  expect(finding.message).toMatch(/resolve --rolled-back/);
});

it("keeps statements that make a re-run fail at medium: the deploy would be stuck", async () => {
  const findings = await findingsOf(RULE, "BEGIN;\nALTER TABLE \"Order\" ADD COLUMN \"a\" TEXT;\nCOMMIT;\nBEGIN;\nALTER TABLE \"Order\" ADD CONSTRAINT \"c\" CHECK (\"a\" <> '');\nCOMMIT;");
  expect(findings.map((f) => f.severity)).toEqual(["medium"]);
});
