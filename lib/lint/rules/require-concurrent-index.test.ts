import { describeRule } from "../testing";

describeRule("require-concurrent-index", {
  flags: [
    'CREATE INDEX "Order_customerId_idx" ON "Order" ("customerId");',
    'CREATE UNIQUE INDEX "User_email_key" ON "User" ("email");',
    { sql: 'DROP INDEX "Order_customerId_idx";', previousSql: ['CREATE TABLE "Order" (id int); CREATE INDEX "Order_customerId_idx" ON "Order" (id);'] },
    'DROP INDEX "unknown_idx";',
  ],
  passes: [
    'CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");',
    'DROP INDEX CONCURRENTLY "Order_customerId_idx";',
    // A table created in the same file has no readers or writers yet.
    'CREATE TABLE "Invoice" ("id" BIGINT PRIMARY KEY, "orderId" BIGINT);\nCREATE INDEX "Invoice_orderId_idx" ON "Invoice" ("orderId");',
    'CREATE TABLE "Invoice" ("id" BIGINT PRIMARY KEY);\nCREATE INDEX "Invoice_idx" ON "Invoice" ("id");\nDROP INDEX "Invoice_idx";',
  ],
});
