import { describeRule } from "../testing";

describeRule("rls-weakened", {
  flags: [
    'ALTER TABLE "Invoice" DISABLE ROW LEVEL SECURITY;',
    'ALTER TABLE "Invoice" NO FORCE ROW LEVEL SECURITY;',
    'DROP POLICY "tenant" ON "Invoice";',
    'CREATE POLICY "open" ON "Invoice" USING (true);',
    'ALTER POLICY "tenant" ON "Invoice" WITH CHECK (true);',
  ],
  passes: [
    'ALTER TABLE "Invoice" ENABLE ROW LEVEL SECURITY;',
    'CREATE POLICY "tenant_v2" ON "Invoice" USING ("organizationId" = current_setting(\'app.organizationId\'));\nDROP POLICY "tenant" ON "Invoice";',
  ],
});
