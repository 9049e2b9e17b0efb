import type { ApprovalDecision, DeploymentStatus, RequestStatus, Role } from "@/lib/generated/prisma/enums";

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
};

export type PolicyApproval = {
  approverId: string;
  approverRole: Role | null;
  decision: ApprovalDecision;
  environmentId: string | null;
  checksums: string;
  invalidatedAt: Date | null;
};

export type PolicyDeployment = { environmentId: string; status: DeploymentStatus };

export type PolicyRequest = {
  requesterId: string;
  status: RequestStatus;
  /** The request's migration checksums joined in order: what an approval must have seen. */
  checksums: string;
};

export type DeployCheckInput = {
  request: PolicyRequest;
  environment: PolicyEnvironment;
  chain: PolicyEnvironment[];
  policy: EnvironmentPolicy;
  approvals: PolicyApproval[];
  deployments: PolicyDeployment[];
  actor: { id: string; role: Role | null };
};

export type Verdict = { allowed: true } | { allowed: false; reasons: string[] };
