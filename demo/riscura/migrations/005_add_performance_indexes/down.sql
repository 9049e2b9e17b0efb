SET lock_timeout = '5s';

DROP INDEX CONCURRENTLY IF EXISTS "BillingEvent_organizationId_unprocessed_idx";

DROP INDEX CONCURRENTLY IF EXISTS "UsageRecord_organizationId_metric_recordedAt_idx";

DROP INDEX CONCURRENTLY IF EXISTS "Invoice_organizationId_status_dueDate_idx";

DROP INDEX CONCURRENTLY IF EXISTS "OrganizationSubscription_organizationId_active_idx";

DROP INDEX CONCURRENTLY IF EXISTS "DocumentVersion_organizationId_documentId_idx";

DROP INDEX CONCURRENTLY IF EXISTS "Document_organizationId_category_active_idx";

DROP INDEX CONCURRENTLY IF EXISTS "ControlTest_organizationId_controlId_testDate_idx";

DROP INDEX CONCURRENTLY IF EXISTS "AssessmentItem_organizationId_riskId_idx";

DROP INDEX CONCURRENTLY IF EXISTS "ControlRiskMapping_organizationId_controlId_idx";

DROP INDEX CONCURRENTLY IF EXISTS "Control_organizationId_nextTestDate_active_idx";

DROP INDEX CONCURRENTLY IF EXISTS "Control_organizationId_status_idx";

DROP INDEX CONCURRENTLY IF EXISTS "Risk_organizationId_nextReview_open_idx";

DROP INDEX CONCURRENTLY IF EXISTS "Risk_organizationId_ownerId_idx";

DROP INDEX CONCURRENTLY IF EXISTS "Risk_organizationId_status_riskScore_idx";

DROP INDEX CONCURRENTLY IF EXISTS "User_organizationId_role_idx";
