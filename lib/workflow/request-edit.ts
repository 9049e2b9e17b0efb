import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { PolicyApproval, Verdict } from "./types";

/** A requester may edit their request until a deploy starts: after that the SQL is history. */
export const EDITABLE_STATUSES = ["draft", "in_review", "changes_requested", "approved"] as const satisfies readonly RequestStatus[];

export function evaluateEdit(request: { requesterId: string; status: RequestStatus; deploymentsStarted: number }, actor: { id: string }): Verdict {
  const reasons: string[] = [];
  if (actor.id !== request.requesterId) reasons.push("only the requester can edit this request");
  if (!(EDITABLE_STATUSES as readonly string[]).includes(request.status)) reasons.push(`the request is ${request.status.replace("_", " ")}: it can no longer be edited`);
  else if (request.deploymentsStarted > 0) reasons.push("a deploy of this request has already started: it can no longer be edited");
  return reasons.length ? { allowed: false, reasons } : { allowed: true };
}

export type RequestChange = { sqlChanged: boolean; downSqlChanged?: boolean; lintChanged: boolean };

/** Why standing decisions stop counting after a change, or null when nothing they were bound to changed. */
export function invalidationReason(change: RequestChange): string | null {
  if (change.sqlChanged) return "SQL changed";
  if (change.downSqlChanged) return "down SQL changed";
  if (change.lintChanged) return "new lint findings";
  return null;
}

/**
 * Decisions that stop counting after this change: every standing one (approvals, rejections,
 * requests for changes alike — each was about SQL or findings that are gone).
 */
export function approvalsToInvalidate<A extends Pick<PolicyApproval, "invalidatedAt">>(approvals: A[], change: RequestChange): A[] {
  return invalidationReason(change) ? approvals.filter((a) => a.invalidatedAt === null) : [];
}

/** The status after an edit: a request under review goes back to review; a draft stays a draft. */
export function statusAfterEdit(status: RequestStatus, change: RequestChange): RequestStatus {
  if (status === "draft") return "draft";
  return invalidationReason(change) ? "in_review" : status;
}
