import { z } from "zod";
import type { EnvironmentPolicy } from "./types";

const ZRole = z.enum(["requester", "approver", "deployer", "manager", "admin"]);
const ZFreezeWindow = z.object({
  days: z.array(z.number().int().min(0).max(6)).min(1),
  from: z.string().regex(/^\d{2}:\d{2}$/),
  to: z.string().regex(/^\d{2}:\d{2}$/),
  timeZone: z.string().min(1),
  message: z.string().min(1),
});

/** An EnvironmentPolicy row as stored (text[] roles, JSON columns), validated into the pure policy. */
export const ZStoredPolicy = z.object({
  requiredApprovals: z.number().int().min(0),
  approverRoles: z.array(ZRole),
  extraApprovalsAtRisk: z.object({ low: z.number().int().min(0), medium: z.number().int().min(0), high: z.number().int().min(0), critical: z.number().int().min(0) }).partial(),
  requesterMayNotApprove: z.boolean(),
  approverMayNotDeploy: z.boolean(),
  requirePreviousEnvironment: z.boolean(),
  freezeWindows: z.array(ZFreezeWindow),
  deployRoles: z.array(ZRole),
  autoDeployOnApproval: z.boolean(),
  autoRollback: z.boolean(),
});

export function policyFromStored(row: unknown): EnvironmentPolicy {
  return ZStoredPolicy.parse(row);
}
