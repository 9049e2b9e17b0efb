import type { EnvironmentPolicy, PolicyEnvironment } from "./types";

/**
 * The built-in policy until environments carry their own (issue 6): one approval
 * from an approver who is not the requester everywhere; prod only after staging.
 * Requesters may deploy to the first environment of the chain (dev) themselves.
 */
export function defaultPolicyFor(environment: PolicyEnvironment, chain: PolicyEnvironment[]): EnvironmentPolicy {
  const isFirst = environment.position === Math.min(...chain.map((e) => e.position));
  return {
    requiredApprovals: 1,
    approverRoles: ["approver"],
    requirePreviousEnvironment: environment.name === "prod",
    deployRoles: isFirst ? ["requester", "deployer", "admin"] : ["deployer", "admin"],
    autoRollback: false,
    extraApprovalsAtRisk: {},
    requesterMayNotApprove: true,
    approverMayNotDeploy: false,
    freezeWindows: [],
    autoDeployOnApproval: false,
  };
}
