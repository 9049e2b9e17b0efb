-- DropPolicy
DROP POLICY "AuditLog_tenant_isolation" ON "AuditLog";

-- DropTable
DROP TABLE "AuditLog";
