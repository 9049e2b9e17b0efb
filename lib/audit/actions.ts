import { z } from "zod";

/** The closed list of audited actions. */
export const AUDIT_ACTIONS = [
  "user.signed_in",
  "user.signed_out",
  "request.created",
  "request.updated",
  "request.submitted",
  "request.approved",
  "request.rejected",
  "request.changes_requested",
  "request.cancelled",
  "approval.invalidated",
  "deployment.started",
  "deployment.succeeded",
  "deployment.failed",
  "deployment.refused",
  "deployment.queued",
  "deployment.rolled_back",
  "deployment.cancelled",
  "deployment.stop_requested",
  "deployment.abandoned",
  "deployment.break_glass",
  "deployment.restored",
  "policy.created",
  "policy.updated",
] as const;

export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof ZAuditAction>;

export const AUDIT_ACTION_LABELS = {
  "user.signed_in": "Signed in",
  "user.signed_out": "Signed out",
  "request.created": "Created request",
  "request.updated": "Edited request",
  "request.submitted": "Submitted for review",
  "request.approved": "Approved",
  "request.rejected": "Rejected",
  "request.changes_requested": "Requested changes",
  "request.cancelled": "Cancelled request",
  "approval.invalidated": "Approval invalidated",
  "deployment.started": "Started deploy",
  "deployment.succeeded": "Deploy succeeded",
  "deployment.failed": "Deploy failed",
  "deployment.refused": "Deploy refused",
  "deployment.queued": "Queued deploy",
  "deployment.rolled_back": "Deploy rolled back",
  "deployment.cancelled": "Deploy cancelled",
  "deployment.stop_requested": "Requested emergency stop",
  "deployment.abandoned": "Deploy abandoned by a dead worker",
  "deployment.break_glass": "Break-glass deploy",
  "deployment.restored": "Restored backup",
  "policy.created": "Created environment policy",
  "policy.updated": "Changed environment policy",
} as const satisfies Record<AuditAction, string>;
