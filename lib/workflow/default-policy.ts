import type { EnvironmentPolicy, PolicyEnvironment } from "./types";

/** Deny by default: what an environment without a stored policy gets. Only an admin's break-glass passes. */
export function denyByDefaultPolicy(): EnvironmentPolicy {
  return {
    requiredApprovals: 1,
    approverRoles: [],
    requirePreviousEnvironment: true,
    deployRoles: [],
    autoRollback: false,
    extraApprovalsAtRisk: {},
    requesterMayNotApprove: true,
    approverMayNotDeploy: true,
    freezeWindows: [],
    autoDeployOnApproval: false,
    unconfigured: true,
  };
}

export const WEEKEND_FREEZE_MESSAGE = "Weekend freeze: no prod deploys from Friday 16:00 to Monday 08:00. Ask an admin for a break-glass if this cannot wait.";

/**
 * The standard policy a new chain starts with (and the demo's): one approval from an
 * approver who is not the requester everywhere; requesters deploy to the first environment
 * (dev) themselves; prod only after staging, one more approval at high and critical risk,
 * requester ≠ approver ≠ deployer, a weekend freeze in the environment's time zone, and
 * automatic rollback of a failed deploy.
 */
export function standardPolicyFor(environment: PolicyEnvironment & { timeZone?: string }, chain: PolicyEnvironment[], options: { weekendFreeze?: boolean } = {}): EnvironmentPolicy {
  const isFirst = environment.position === Math.min(...chain.map((e) => e.position));
  const isProd = environment.name === "prod";
  return {
    requiredApprovals: 1,
    approverRoles: ["approver"],
    requirePreviousEnvironment: isProd,
    deployRoles: isFirst ? ["requester", "deployer", "admin"] : ["deployer", "admin"],
    autoRollback: isProd,
    extraApprovalsAtRisk: isProd ? { high: 1, critical: 1 } : {},
    requesterMayNotApprove: true,
    approverMayNotDeploy: isProd,
    freezeWindows:
      isProd && (options.weekendFreeze ?? true)
        ? [{ days: [5, 6, 0, 1], from: "16:00", to: "08:00", timeZone: environment.timeZone ?? "UTC", message: WEEKEND_FREEZE_MESSAGE }]
        : [],
    autoDeployOnApproval: false,
  };
}
