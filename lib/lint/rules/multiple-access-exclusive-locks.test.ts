import { describeRule } from "../testing";

describeRule("multiple-access-exclusive-locks", {
  flags: [
    'ALTER TABLE "User" ADD COLUMN "a" TEXT;\nALTER TABLE "Order" ADD COLUMN "b" TEXT;',
    'BEGIN;\nALTER TABLE "User" RENAME COLUMN "a" TO "b";\nDROP TABLE "Legacy";\nCOMMIT;',
  ],
  passes: [
    'ALTER TABLE "User" ADD COLUMN "a" TEXT;\nALTER TABLE "User" ADD COLUMN "b" TEXT;',
    // Separate explicit transactions.
    'BEGIN;\nALTER TABLE "User" ADD COLUMN "a" TEXT;\nCOMMIT;\nBEGIN;\nALTER TABLE "Order" ADD COLUMN "b" TEXT;\nCOMMIT;',
    // A non-transactional statement makes every statement commit alone.
    'ALTER TABLE "User" ADD COLUMN "a" TEXT;\nCREATE INDEX CONCURRENTLY "i" ON "User" ("a");\nALTER TABLE "Order" ADD COLUMN "b" TEXT;',
    // New tables are not in use.
    'CREATE TABLE "A" ("id" BIGINT);\nCREATE TABLE "B" ("id" BIGINT);\nALTER TABLE "A" ADD COLUMN "x" TEXT;\nALTER TABLE "B" ADD COLUMN "y" TEXT;',
    // A foreign key takes SHARE ROW EXCLUSIVE, not ACCESS EXCLUSIVE.
    'ALTER TABLE "User" ADD COLUMN "a" TEXT;\nALTER TABLE "Order" ADD CONSTRAINT "fk" FOREIGN KEY ("u") REFERENCES "Customer"("id") NOT VALID;',
  ],
});
