import { describeRule } from "../testing";

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
