import { describeRule } from "../testing";

describeRule("trigger-on-existing-table", {
  flags: ['CREATE TRIGGER "audit" AFTER UPDATE ON "Order" FOR EACH ROW EXECUTE FUNCTION audit();'],
  passes: ['CREATE TABLE "Invoice" ("id" BIGINT);\nCREATE TRIGGER "audit" AFTER UPDATE ON "Invoice" FOR EACH ROW EXECUTE FUNCTION audit();'],
});
