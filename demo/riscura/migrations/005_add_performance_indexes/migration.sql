SET lock_timeout = '5s';

CREATE INDEX CONCURRENTLY IF NOT EXISTS "User_organizationId_role_idx" ON "User"("organizationId", "role") WHERE "isActive" = true;

CREATE INDEX CONCURRENTLY IF NOT EXISTS "Risk_organizationId_status_riskScore_idx" ON "Risk"("organizationId", "status", "riskScore" DESC);

CREATE INDEX CONCURRENTLY IF NOT EXISTS "Risk_organizationId_ownerId_idx" ON "Risk"("organizationId", "ownerId");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "Risk_organizationId_nextReview_open_idx" ON "Risk"("organizationId", "nextReview") WHERE "status" <> 'CLOSED';

CREATE INDEX CONCURRENTLY IF NOT EXISTS "Control_organizationId_status_idx" ON "Control"("organizationId", "status");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "Control_organizationId_nextTestDate_active_idx" ON "Control"("organizationId", "nextTestDate") WHERE "status" <> 'RETIRED';

CREATE INDEX CONCURRENTLY IF NOT EXISTS "ControlRiskMapping_organizationId_controlId_idx" ON "ControlRiskMapping"("organizationId", "controlId");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "AssessmentItem_organizationId_riskId_idx" ON "AssessmentItem"("organizationId", "riskId");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "ControlTest_organizationId_controlId_testDate_idx" ON "ControlTest"("organizationId", "controlId", "testDate" DESC);

CREATE INDEX CONCURRENTLY IF NOT EXISTS "Document_organizationId_category_active_idx" ON "Document"("organizationId", "category", "updatedAt" DESC) WHERE "isArchived" = false;

CREATE INDEX CONCURRENTLY IF NOT EXISTS "DocumentVersion_organizationId_documentId_idx" ON "DocumentVersion"("organizationId", "documentId");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "OrganizationSubscription_organizationId_active_idx" ON "OrganizationSubscription"("organizationId") WHERE "status" IN ('TRIALING', 'ACTIVE', 'PAST_DUE');

CREATE INDEX CONCURRENTLY IF NOT EXISTS "Invoice_organizationId_status_dueDate_idx" ON "Invoice"("organizationId", "status", "dueDate");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "UsageRecord_organizationId_metric_recordedAt_idx" ON "UsageRecord"("organizationId", "metric", "recordedAt");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "BillingEvent_organizationId_unprocessed_idx" ON "BillingEvent"("organizationId", "createdAt") WHERE "processed" = false;
