import { describeRule } from "../testing";

describeRule("constraint-without-not-valid", {
  flags: [
    'ALTER TABLE "Order" ADD CONSTRAINT "fk" FOREIGN KEY ("customerId") REFERENCES "Customer"("id");',
    'ALTER TABLE "Order" ADD CONSTRAINT "positive" CHECK ("total" > 0);',
    'ALTER TABLE "Order" ADD COLUMN "x" INT, ADD CONSTRAINT "fk" FOREIGN KEY ("x") REFERENCES "Customer"("id") ON DELETE CASCADE;',
    // Validating in the same (implicit) transaction keeps the ADD's lock during the scan.
    'ALTER TABLE "Order" ADD CONSTRAINT "positive" CHECK ("total" > 0) NOT VALID;\nALTER TABLE "Order" VALIDATE CONSTRAINT "positive";',
  ],
  passes: [
    'BEGIN;\nALTER TABLE "Order" ADD CONSTRAINT "positive" CHECK ("total" > 0) NOT VALID;\nCOMMIT;\nALTER TABLE "Order" VALIDATE CONSTRAINT "positive";',
    'ALTER TABLE "Order" ADD CONSTRAINT "fk" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") NOT VALID;',
    'ALTER TABLE "Order" ADD CONSTRAINT "positive" CHECK ("total" > 0) NOT VALID;',
    'ALTER TABLE "Order" VALIDATE CONSTRAINT "fk";',
    'CREATE TABLE "Invoice" ("id" BIGINT PRIMARY KEY, "orderId" BIGINT);\nALTER TABLE "Invoice" ADD CONSTRAINT "fk" FOREIGN KEY ("orderId") REFERENCES "Order"("id");',
  ],
});
