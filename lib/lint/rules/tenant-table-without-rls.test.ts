import { describeRule } from "../testing";

const table = 'CREATE TABLE "Invoice" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL);\n';
const enable = 'ALTER TABLE "Invoice" ENABLE ROW LEVEL SECURITY;\n';
const force = 'ALTER TABLE "Invoice" FORCE ROW LEVEL SECURITY;\n';
const policy = 'CREATE POLICY "tenant" ON "Invoice" USING ("organizationId" = current_setting(\'app.organizationId\'));\n';

describeRule("tenant-table-without-rls", {
  flags: [table, table + enable + policy, table + enable + force, table + force + policy],
  passes: [table + enable + force + policy, 'CREATE TABLE "Country" ("code" TEXT PRIMARY KEY);'],
});
