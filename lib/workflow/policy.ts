import { activeFreeze } from "./freeze";
import type { Role } from "@/lib/generated/prisma/enums";
import type { DeployCheckInput, EnvironmentPolicy, PolicyApproval, PolicyEnvironment, PolicyRequest, Verdict } from "./types";

/**
 * Why an approval does not count for this request on this environment, or null when it does
 * (apart from the policy's role and separation rules, see countingApprovals). An approval is
 * bound to the checksums, the environment and the lint report it was given on.
 */
export function approvalMismatch(approval: PolicyApproval, request: PolicyRequest, environmentId: string | null): string | null {
  if (approval.invalidatedAt) return "invalidated";
  if (approval.checksums !== request.checksums) return "given on other SQL";
  if (environmentId && approval.environmentId !== null && approval.environmentId !== environmentId) return "given for another environment";
  if (environmentId && approval.approverEnvironmentIds?.length && !approval.approverEnvironmentIds.includes(environmentId)) return "the approver does not approve for this environment";
  // Approvals recorded before lint hashes were stored carry none: their checksums still bind them.
  if (approval.lintHash !== null && request.lintHash != null && approval.lintHash !== request.lintHash) return "given on another lint report";
  return null;
}

/** Approvals that still count for this request on this environment. */
export function countingApprovals(request: PolicyRequest, environmentId: string, approvals: PolicyApproval[], policy: EnvironmentPolicy): PolicyApproval[] {
  const seen = new Set<string>();
  return approvals.filter((a) => {
    const counts =
      a.decision === "approved" &&
      approvalMismatch(a, request, environmentId) === null &&
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

/** Who a role is, in the words the request page uses. */
export const ROLE_IN_WORDS = {
  requester: "a requester",
  approver: "an approver (DBA or tech lead)",
  deployer: "a deployer",
  manager: "a manager",
  admin: "an admin",
} as const satisfies Record<Role, string>;

export function rolesInWords(roles: Role[]): string {
  return roles.length ? roles.map((r) => ROLE_IN_WORDS[r]).join(" or ") : "nobody (the policy lists no approver role)";
}

/** Reasons joined into one sentence, "a; b; c." (a reason that is itself a sentence keeps its one period). */
export function reasonsInWords(reasons: string[]): string {
  const text = reasons.join("; ");
  return text.endsWith(".") ? text : `${text}.`;
}

export function noPolicyReason(environment: PolicyEnvironment): string {
  return `${environment.name} has no deploy policy (deny by default): an admin must set one in Settings → Policies, or deploy by break-glass with a written reason`;
}

/** Everything still missing before this request may be deployed here, in plain words. */
export function missingForDeploy(input: Omit<DeployCheckInput, "actor">): string[] {
  const { request, environment, chain, policy, approvals, deployments } = input;
  if (policy.unconfigured) return [noPolicyReason(environment)];
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
    missing.push(`needs ${need} more approval${need > 1 ? "s" : ""} from ${rolesInWords(policy.approverRoles)}${policy.requesterMayNotApprove ? " (not the requester)" : ""}${risk}`);
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

/**
 * Whether the actor gave an approval that counts here while the policy deploys on approval:
 * that approval is the go for the automatic deploy attributed to them (see autoDeployTargets).
 */
function approvalIsTheGo(input: DeployCheckInput): boolean {
  return (
    input.policy.autoDeployOnApproval &&
    countingApprovals(input.request, input.environment.id, input.approvals, input.policy).some((a) => a.approverId === input.actor.id)
  );
}

export function evaluateDeploy(input: DeployCheckInput): Verdict {
  const reasons = missingForDeploy(input);
  if (input.policy.unconfigured) return { allowed: false, reasons };
  const autoDeploy = approvalIsTheGo(input);
  if (!autoDeploy && (!input.actor.role || !input.policy.deployRoles.includes(input.actor.role))) {
    reasons.unshift(`your role (${input.actor.role ?? "none"}) may not deploy to ${input.environment.name}`);
  }
  if (!autoDeploy && input.policy.approverMayNotDeploy && input.approvals.some((a) => a.approverId === input.actor.id && a.decision === "approved" && a.invalidatedAt === null)) {
    reasons.unshift("you approved this request: another deployer must deploy it (separation of duties)");
  }
  return reasons.length ? { allowed: false, reasons } : { allowed: true };
}

/**
 * Environments to deploy to at once after `approverId`'s approval: those whose policy says so
 * and whose every rule is now satisfied. The deploy is attributed to that approver.
 */
export function autoDeployTargets(inputs: DeployCheckInput[]): PolicyEnvironment[] {
  return inputs.filter((input) => input.policy.autoDeployOnApproval && !input.policy.unconfigured && evaluateDeploy(input).allowed).map((input) => input.environment);
}

/** Whether this user may record a decision on the request at all (approve, reject, ask for changes). */
export function evaluateDecision(request: PolicyRequest, actor: { id: string }): Verdict {
  const reasons: string[] = [];
  if (actor.id === request.requesterId) reasons.push("you cannot review your own request");
  if (!["in_review", "approved"].includes(request.status)) reasons.push(`request is ${request.status.replace("_", " ")}, not in review`);
  return reasons.length ? { allowed: false, reasons } : { allowed: true };
}
