import type { BadgeTone } from "@/components/ui/badge";
import type { DeploymentStatus, RequestStatus, RiskLevel } from "@/lib/generated/prisma/enums";
import type { MigrationState } from "@/lib/engine";

/**
 * One label and colour per status, shared by every page. `satisfies Record<…>` makes a
 * new enum value a compile error until it is given a label here.
 */
export type StatusStyle = { label: string; tone: BadgeTone };

export const REQUEST_STATUS_BADGE = {
  draft: { label: "Draft", tone: "gray" },
  in_review: { label: "In review", tone: "blue" },
  changes_requested: { label: "Changes requested", tone: "yellow" },
  approved: { label: "Approved", tone: "indigo" },
  deploying: { label: "Deploying", tone: "purple" },
  deployed: { label: "Deployed", tone: "green" },
  rejected: { label: "Rejected", tone: "red" },
  failed: { label: "Failed", tone: "red" },
  rolled_back: { label: "Rolled back", tone: "orange" },
  cancelled: { label: "Cancelled", tone: "gray" },
} as const satisfies Record<RequestStatus, StatusStyle>;

export const DEPLOYMENT_STATUS_BADGE = {
  queued: { label: "Queued", tone: "gray" },
  running: { label: "Running", tone: "purple" },
  succeeded: { label: "Succeeded", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  rolled_back: { label: "Rolled back", tone: "orange" },
  cancelled: { label: "Cancelled", tone: "gray" },
} as const satisfies Record<DeploymentStatus, StatusStyle>;

export const RISK_BADGE = {
  low: { label: "Low risk", tone: "green" },
  medium: { label: "Medium risk", tone: "yellow" },
  high: { label: "High risk", tone: "orange" },
  critical: { label: "Critical risk", tone: "red" },
} as const satisfies Record<RiskLevel, StatusStyle>;

export const MIGRATION_STATE_BADGE = {
  applied: { label: "Applied", tone: "green" },
  pending: { label: "Pending", tone: "gray" },
  failed: { label: "Failed", tone: "red" },
  rolled_back: { label: "Rolled back", tone: "orange" },
  modified: { label: "Modified after apply", tone: "yellow" },
  unknown: { label: "Not in source (drift)", tone: "purple" },
} as const satisfies Record<MigrationState, StatusStyle>;

export const DEPLOYMENT_STATUSES = Object.keys(DEPLOYMENT_STATUS_BADGE) as DeploymentStatus[];
export const MIGRATION_STATES = Object.keys(MIGRATION_STATE_BADGE) as MigrationState[];
