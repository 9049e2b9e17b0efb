import { z } from "zod";
import type { EnvironmentPolicy } from "./types";

const ZRole = z.enum(["requester", "approver", "deployer", "manager", "admin"]);
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, 00:00 to 23:59");

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const ZFreezeWindow = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1, "Pick at least one day"),
    from: ZClock,
    to: ZClock,
    timeZone: z.string().trim().min(1).refine(isTimeZone, "Unknown time zone (use an IANA name such as Europe/Paris or UTC)"),
    message: z.string().trim().min(1, "Say why deploys are frozen").max(500),
  })
  .refine((w) => new Set(w.days).size === w.days.length, { message: "A day appears twice", path: ["days"] })
  .refine((w) => w.days.length > 1 || w.from < w.to, { message: "On a single day, 'from' must be before 'to'", path: ["to"] });

const ZRiskExtras = z.object({
  low: z.number().int().min(0).max(10),
  medium: z.number().int().min(0).max(10),
  high: z.number().int().min(0).max(10),
  critical: z.number().int().min(0).max(10),
}).partial();

/** An EnvironmentPolicy row as stored (text[] roles, JSON columns), validated into the pure policy. */
export const ZStoredPolicy = z.object({
  requiredApprovals: z.number().int().min(0),
  approverRoles: z.array(ZRole),
  extraApprovalsAtRisk: ZRiskExtras,
  requesterMayNotApprove: z.boolean(),
  approverMayNotDeploy: z.boolean(),
  requirePreviousEnvironment: z.boolean(),
  freezeWindows: z.array(ZFreezeWindow),
  deployRoles: z.array(ZRole),
  autoDeployOnApproval: z.boolean(),
  autoRollback: z.boolean(),
});

/**
 * What an admin may save from the settings page: stricter than what is read back, so a
 * policy nobody can satisfy (no approver role, no deploy role, no approvals) is refused.
 */
export const ZPolicyInput = ZStoredPolicy.extend({
  requiredApprovals: z.number().int().min(1, "At least one approval").max(10),
  approverRoles: z.array(ZRole).min(1, "Pick at least one role that may approve"),
  deployRoles: z.array(ZRole).min(1, "Pick at least one role that may deploy"),
}).refine((p) => !p.approverRoles.includes("manager") && !p.deployRoles.includes("manager"), {
  message: "Managers read; they may not approve or deploy",
  path: ["approverRoles"],
});
export type TPolicyInput = z.infer<typeof ZPolicyInput>;

export function policyFromStored(row: unknown): EnvironmentPolicy {
  return ZStoredPolicy.parse(row);
}

/** The policy's columns, in the shape both the database row and the audit event hold. */
export function policyColumns(policy: EnvironmentPolicy) {
  return {
    requiredApprovals: policy.requiredApprovals,
    approverRoles: policy.approverRoles,
    extraApprovalsAtRisk: policy.extraApprovalsAtRisk,
    requesterMayNotApprove: policy.requesterMayNotApprove,
    approverMayNotDeploy: policy.approverMayNotDeploy,
    requirePreviousEnvironment: policy.requirePreviousEnvironment,
    freezeWindows: policy.freezeWindows,
    deployRoles: policy.deployRoles,
    autoDeployOnApproval: policy.autoDeployOnApproval,
    autoRollback: policy.autoRollback,
  };
}
