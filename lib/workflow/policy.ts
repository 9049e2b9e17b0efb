import { activeFreeze } from "./freeze";
import type { DeployCheckInput, EnvironmentPolicy, PolicyApproval, PolicyEnvironment, PolicyRequest, Verdict } from "./types";

/** Approvals that still count for this request on this environment. */
export function countingApprovals(request: PolicyRequest, environmentId: string, approvals: PolicyApproval[], policy: EnvironmentPolicy): PolicyApproval[] {
  const seen = new Set<string>();
  return approvals.filter((a) => {
    const counts =
      a.decision === "approved" &&
      a.invalidatedAt === null &&
      a.checksums === request.checksums &&
      (a.environmentId === null || a.environmentId === environmentId) &&
      (!policy.requesterMayNotApprove || a.approverId !== request.requesterId) &&
      a.approverRole !== null &&
      policy.approverRoles.includes(a.approverRole) &&
      !seen.has(a.approverId);
    if (counts) seen.add(a.approverId);
    return counts;
  });
}

/** A rejection or a request for changes still standing blocks every deploy. */
export function hasBlockingDecision(request: PolicyRequest, approvals: PolicyApproval[]): boolean {
  return approvals.some((a) => a.decision !== "approved" && a.invalidatedAt === null && a.checksums === request.checksums);
}

/** Approvals this request needs here: the policy's base plus its extra for the request's risk level. */
export function requiredApprovalsFor(request: PolicyRequest, policy: EnvironmentPolicy): number {
  return policy.requiredApprovals + (request.riskLevel ? (policy.extraApprovalsAtRisk[request.riskLevel] ?? 0) : 0);
}

export function approvalsSatisfy(request: PolicyRequest, environmentId: string, approvals: PolicyApproval[], policy: EnvironmentPolicy): boolean {
  return countingApprovals(request, environmentId, approvals, policy).length >= requiredApprovalsFor(request, policy) && !hasBlockingDecision(request, approvals);
}

export function previousEnvironment(environment: PolicyEnvironment, chain: PolicyEnvironment[]): PolicyEnvironment | null {
  const earlier = chain.filter((e) => e.position < environment.position).sort((a, b) => b.position - a.position);
  return earlier[0] ?? null;
}

/** Everything still missing before this request may be deployed here, in plain words. */
export function missingForDeploy(input: Omit<DeployCheckInput, "actor">): string[] {
  const { request, environment, chain, policy, approvals, deployments } = input;
  const missing: string[] = [];
  if (!["approved", "deployed", "failed", "rolled_back", "deploying"].includes(request.status)) {
    missing.push(request.status === "draft" ? "submit the request for review" : `request is ${request.status.replace("_", " ")}`);
  }
  if (hasBlockingDecision(request, approvals)) missing.push("a reviewer rejected it or asked for changes");
  const have = countingApprovals(request, environment.id, approvals, policy).length;
  const required = requiredApprovalsFor(request, policy);
  if (have < required) {
    const need = required - have;
    const risk = required > policy.requiredApprovals ? ` (${request.riskLevel} risk)` : "";
    missing.push(`needs ${need} more approval${need > 1 ? "s" : ""} from ${policy.approverRoles.join(" or ")}${policy.requesterMayNotApprove ? " (not the requester)" : ""}${risk}`);
  }
  if (policy.requirePreviousEnvironment) {
    const previous = previousEnvironment(environment, chain);
    if (previous && !deployments.some((d) => d.environmentId === previous.id && d.status === "succeeded")) {
      missing.push(`${previous.name} not yet deployed`);
    }
  }
  if (deployments.some((d) => d.environmentId === environment.id && d.status === "succeeded")) {
    missing.push(`already deployed to ${environment.name}`);
  }
  const freeze = activeFreeze(policy.freezeWindows, input.now ?? new Date());
  if (freeze) missing.push(`${environment.name} is frozen: ${freeze.message}`);
  return missing;
}

export function evaluateDeploy(input: DeployCheckInput): Verdict {
  const reasons = missingForDeploy(input);
  if (!input.actor.role || !input.policy.deployRoles.includes(input.actor.role)) {
    reasons.unshift(`your role (${input.actor.role ?? "none"}) may not deploy to ${input.environment.name}`);
  }
  if (input.policy.approverMayNotDeploy && input.approvals.some((a) => a.approverId === input.actor.id && a.decision === "approved" && a.invalidatedAt === null)) {
    reasons.unshift("you approved this request: another deployer must deploy it (separation of duties)");
  }
  return reasons.length ? { allowed: false, reasons } : { allowed: true };
}

/** Whether this user may record a decision on the request at all (approve, reject, ask for changes). */
export function evaluateDecision(request: PolicyRequest, actor: { id: string }): Verdict {
  const reasons: string[] = [];
  if (actor.id === request.requesterId) reasons.push("you cannot review your own request");
  if (!["in_review", "approved"].includes(request.status)) reasons.push(`request is ${request.status.replace("_", " ")}, not in review`);
  return reasons.length ? { allowed: false, reasons } : { allowed: true };
}
