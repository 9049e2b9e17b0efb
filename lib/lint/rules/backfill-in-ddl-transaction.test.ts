import { expect, it } from "vitest";
import { describeRule, findingsOf } from "../testing";

describeRule("backfill-in-ddl-transaction", {
  flags: [
    'ALTER TABLE "User" ADD COLUMN "plan" TEXT;\nUPDATE "User" SET "plan" = \'free\';',
    'BEGIN;\nALTER TABLE "User" ADD COLUMN "plan" TEXT;\nDELETE FROM "Session";\nCOMMIT;',
    'ALTER TABLE "Archive" ADD COLUMN "x" TEXT;\nINSERT INTO "Archive" SELECT * FROM "Order";',
  ],
  passes: [
    'UPDATE "User" SET "plan" = \'free\' WHERE "id" BETWEEN 1 AND 1000;',
    'ALTER TABLE "User" ADD COLUMN "plan" TEXT;\nINSERT INTO "Plan" ("id") VALUES (\'free\');',
    'BEGIN;\nALTER TABLE "User" ADD COLUMN "plan" TEXT;\nCOMMIT;\nUPDATE "User" SET "plan" = \'free\';',
    // Seeding a table created in the same migration locks nobody out.
    'CREATE TABLE "Plan" ("id" TEXT PRIMARY KEY);\nINSERT INTO "Plan" SELECT DISTINCT "plan" FROM "User";',
  ],
});

it("names the strongest lock the backfill keeps held, a table's before a type's", async () => {
  const sql = "ALTER TYPE \"Role\" ADD VALUE 'OWNER';\nALTER TABLE \"User\" ADD COLUMN \"age\" INTEGER;\nUPDATE \"User\" SET \"age\" = 0;";
  const [finding] = await findingsOf("backfill-in-ddl-transaction", sql);
  expect(finding).toMatchObject({ lock: "ACCESS EXCLUSIVE" });
  expect(finding.message).toMatch(/DDL at line 2: its ACCESS EXCLUSIVE lock on table "User"/);
});
