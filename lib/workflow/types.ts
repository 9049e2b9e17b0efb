import type { ApprovalDecision, DeploymentStatus, RequestStatus, RiskLevel, Role } from "@/lib/generated/prisma/enums";
import type { FreezeWindow } from "./freeze";

/** What the policy needs to know: plain data, so evaluation is pure and testable. */
export type PolicyEnvironment = { id: string; name: string; position: number };

export type EnvironmentPolicy = {
  requiredApprovals: number;
  approverRoles: Role[];
  /** The request must have succeeded on the environment just before this one in the chain. */
  requirePreviousEnvironment: boolean;
  /** Roles that may start a deploy here. */
  deployRoles: Role[];
  /** On a failed deploy, run down.sql of what it applied, newest first. */
  autoRollback: boolean;
  /** Approvals required on top of requiredApprovals for a request of this risk level. */
  extraApprovalsAtRisk: Partial<Record<RiskLevel, number>>;
  /** Separation of duties: the requester's own approval does not count. */
  requesterMayNotApprove: boolean;
  /** Separation of duties: someone who approved the request may not deploy it. */
  approverMayNotDeploy: boolean;
  freezeWindows: FreezeWindow[];
  /** On the approval that completes the requirement, deploy here at once (attributed to that approver). */
  autoDeployOnApproval: boolean;
  /**
   * Deny by default: the environment has no stored policy, so nothing may be deployed there
   * except by an admin's break-glass with a written reason.
   */
  unconfigured?: true;
};

export type PolicyApproval = {
  approverId: string;
  /** The approver's role now; null when they left the project or were deactivated (their decisions stay in history but no longer count). */
  approverRole: Role | null;
  /** The approver's scope: the environments they may approve for; empty = every environment. */
  approverEnvironmentIds?: string[];
  decision: ApprovalDecision;
  environmentId: string | null;
  checksums: string;
  /** Hash of the lint report the approver saw (lint-hash.ts); null on approvals recorded before it was stored. */
  lintHash: string | null;
  invalidatedAt: Date | null;
};

export type PolicyDeployment = { environmentId: string; status: DeploymentStatus };

export type PolicyRequest = {
  requesterId: string;
  status: RequestStatus;
  /** The request's migration checksums joined in order: what an approval must have seen. */
  checksums: string;
  riskLevel?: RiskLevel | null;
  /** Hash of the request's current lint report; null when it was never recorded. */
  lintHash?: string | null;
};

export type DeployCheckInput = {
  request: PolicyRequest;
  environment: PolicyEnvironment;
  chain: PolicyEnvironment[];
  policy: EnvironmentPolicy;
  approvals: PolicyApproval[];
  deployments: PolicyDeployment[];
  actor: { id: string; role: Role | null };
  /** When the deploy would start: freeze windows are checked against it. */
  now?: Date;
};

export type Verdict = { allowed: true } | { allowed: false; reasons: string[] };
