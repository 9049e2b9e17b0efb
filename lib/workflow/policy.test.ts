import { describe, expect, it } from "vitest";
import { approvalMismatch, approvalsSatisfy, autoDeployTargets, evaluateDecision, evaluateDeploy, missingForDeploy, reasonsInWords } from "./policy";
import { denyByDefaultPolicy, standardPolicyFor } from "./default-policy";
import type { DeployCheckInput, PolicyApproval } from "./types";

const chain = [
  { id: "dev", name: "dev", position: 0 },
  { id: "staging", name: "staging", position: 1 },
  { id: "prod", name: "prod", position: 2 },
];
const request = { requesterId: "rita", status: "approved" as const, checksums: "abc", lintHash: "lint1" };
// A Wednesday: outside the standard prod weekend freeze.
const WEDNESDAY = new Date("2026-11-25T10:00:00Z");
const FRIDAY_EVENING = new Date("2026-11-27T17:00:00Z");
const approval = (over: Partial<PolicyApproval> = {}): PolicyApproval => ({
  approverId: "alex",
  approverRole: "approver",
  decision: "approved",
  environmentId: null,
  checksums: "abc",
  lintHash: "lint1",
  invalidatedAt: null,
  ...over,
});

function input(envId: string, over: Partial<DeployCheckInput> = {}): DeployCheckInput {
  const environment = chain.find((e) => e.id === envId)!;
  return {
    request,
    environment,
    chain,
    policy: standardPolicyFor(environment, chain),
    approvals: [approval()],
    deployments: [],
    actor: { id: "dana", role: "deployer" },
    now: WEDNESDAY,
    ...over,
  };
}

describe("approvals", () => {
  const policy = standardPolicyFor(chain[1], chain);
  it("counts one approval from an approver who is not the requester", () => {
    expect(approvalsSatisfy(request, "staging", [approval()], policy)).toBe(true);
  });
  it("ignores the requester's own approval", () => {
    expect(approvalsSatisfy(request, "staging", [approval({ approverId: "rita" })], policy)).toBe(false);
  });
  it("ignores approvals given on other SQL, invalidated ones and other environments", () => {
    expect(approvalsSatisfy(request, "staging", [approval({ checksums: "old" })], policy)).toBe(false);
    expect(approvalsSatisfy(request, "staging", [approval({ invalidatedAt: new Date() })], policy)).toBe(false);
    expect(approvalsSatisfy(request, "staging", [approval({ environmentId: "prod" })], policy)).toBe(false);
  });
  it("ignores approvals from roles the policy does not list", () => {
    expect(approvalsSatisfy(request, "staging", [approval({ approverRole: "manager" })], policy)).toBe(false);
  });
  it("is blocked by a standing rejection", () => {
    expect(approvalsSatisfy(request, "staging", [approval(), approval({ approverId: "bo", decision: "rejected" })], policy)).toBe(false);
  });
});

describe("deploy policy", () => {
  it("allows a deployer to deploy an approved request to staging", () => {
    expect(evaluateDeploy(input("staging"))).toEqual({ allowed: true });
  });
  it("refuses prod before staging, and allows it after", () => {
    const refused = evaluateDeploy(input("prod"));
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.reasons).toContain("staging not yet deployed");
    expect(evaluateDeploy(input("prod", { deployments: [{ environmentId: "staging", status: "succeeded" }] }))).toEqual({ allowed: true });
  });
  it("does not count a failed staging deploy", () => {
    expect(evaluateDeploy(input("prod", { deployments: [{ environmentId: "staging", status: "failed" }] })).allowed).toBe(false);
  });
  it("lets a requester deploy to dev but not to staging", () => {
    expect(evaluateDeploy(input("dev", { actor: { id: "rita", role: "requester" } })).allowed).toBe(true);
    expect(evaluateDeploy(input("staging", { actor: { id: "rita", role: "requester" } })).allowed).toBe(false);
  });
  it("refuses managers and approvers", () => {
    for (const role of ["manager", "approver"] as const) {
      expect(evaluateDeploy(input("staging", { actor: { id: "x", role } })).allowed).toBe(false);
    }
  });
  it("says in plain words what is missing", () => {
    expect(missingForDeploy({ ...input("prod"), approvals: [] })).toEqual([
      "needs 1 more approval from an approver (DBA or tech lead) (not the requester)",
      "staging not yet deployed",
    ]);
  });
  it("refuses a second deploy to the same environment", () => {
    expect(evaluateDeploy(input("staging", { deployments: [{ environmentId: "staging", status: "succeeded" }] })).allowed).toBe(false);
  });
});

describe("decisions", () => {
  it("refuses a requester reviewing their own request", () => {
    expect(evaluateDecision({ ...request, status: "in_review" }, { id: "rita" }).allowed).toBe(false);
  });
  it("refuses decisions on drafts", () => {
    expect(evaluateDecision({ ...request, status: "draft" }, { id: "alex" }).allowed).toBe(false);
  });
  it("allows another user on a request in review", () => {
    expect(evaluateDecision({ ...request, status: "in_review" }, { id: "alex" })).toEqual({ allowed: true });
  });
});

describe("policy rules per environment", () => {
  const staging = chain[1];
  const base = standardPolicyFor(staging, chain);
  it("asks for extra approvals by risk level", () => {
    const policy = { ...base, extraApprovalsAtRisk: { high: 1, critical: 2 } };
    const high = input("staging", { policy, request: { ...request, riskLevel: "high" } });
    expect(evaluateDeploy(high).allowed).toBe(false);
    expect(missingForDeploy(high)).toContain("needs 1 more approval from an approver (DBA or tech lead) (not the requester) (high risk)");
    expect(evaluateDeploy({ ...high, approvals: [approval(), approval({ approverId: "bo" })] }).allowed).toBe(true);
    expect(missingForDeploy({ ...high, request: { ...request, riskLevel: "critical" } })[0]).toMatch(/needs 2 more approvals/);
    expect(evaluateDeploy(input("staging", { policy, request: { ...request, riskLevel: "low" } })).allowed).toBe(true);
  });
  it("separates approver and deployer when the policy says so", () => {
    const policy = { ...base, requiredApprovals: 1, approverMayNotDeploy: true };
    const approvals = [approval({ approverId: "dana", approverRole: "approver" })];
    const refused = evaluateDeploy(input("staging", { policy, approvals, actor: { id: "dana", role: "deployer" } }));
    expect(!refused.allowed && refused.reasons[0]).toMatch(/separation of duties/);
    expect(evaluateDeploy(input("staging", { policy, approvals: [approval()], actor: { id: "dana", role: "deployer" } })).allowed).toBe(true);
  });
  it("lets the requester's approval count only when requester ≠ approver is switched off", () => {
    const own = [approval({ approverId: "rita" })];
    expect(evaluateDeploy(input("staging", { approvals: own })).allowed).toBe(false);
    expect(evaluateDeploy(input("staging", { approvals: own, policy: { ...base, requesterMayNotApprove: false } })).allowed).toBe(true);
  });
  it("blocks a deploy inside a freeze window with its message", () => {
    const policy = { ...base, freezeWindows: [{ days: [5, 6, 0, 1], from: "16:00", to: "08:00", timeZone: "Europe/Paris", message: "no deploys over the weekend" }] };
    const friday = evaluateDeploy(input("staging", { policy, now: FRIDAY_EVENING }));
    expect(!friday.allowed && friday.reasons).toContain("staging is frozen: no deploys over the weekend");
    expect(evaluateDeploy(input("staging", { policy, now: WEDNESDAY })).allowed).toBe(true);
  });
});

describe("approval binding", () => {
  it("counts an approval only for the checksums, environment and lint report it was given on", () => {
    expect(approvalMismatch(approval(), request, "staging")).toBeNull();
    expect(approvalMismatch(approval({ checksums: "old" }), request, "staging")).toBe("given on other SQL");
    expect(approvalMismatch(approval({ environmentId: "prod" }), request, "staging")).toBe("given for another environment");
    expect(approvalMismatch(approval({ environmentId: "staging" }), request, "staging")).toBeNull();
    expect(approvalMismatch(approval({ lintHash: "lint0" }), request, "staging")).toBe("given on another lint report");
    expect(approvalMismatch(approval({ invalidatedAt: new Date() }), request, "staging")).toBe("invalidated");
  });
  it("does not count an approval given before a new lint finding", () => {
    const policy = standardPolicyFor(chain[1], chain);
    expect(approvalsSatisfy({ ...request, lintHash: "lint2" }, "staging", [approval()], policy)).toBe(false);
  });
  it("keeps counting an approval recorded before lint hashes were stored (checksums still bind it)", () => {
    const policy = standardPolicyFor(chain[1], chain);
    expect(approvalsSatisfy(request, "staging", [approval({ lintHash: null })], policy)).toBe(true);
  });
});

describe("deny by default", () => {
  it("refuses every role, even with approvals, on an environment without a policy", () => {
    for (const role of ["requester", "deployer", "admin"] as const) {
      const verdict = evaluateDeploy(input("staging", { policy: denyByDefaultPolicy(), actor: { id: "x", role } }));
      expect(verdict.allowed).toBe(false);
      expect(!verdict.allowed && verdict.reasons[0]).toMatch(/staging has no deploy policy \(deny by default\).*break-glass/);
    }
  });
  it("never auto-deploys there", () => {
    expect(autoDeployTargets([input("dev", { policy: { ...denyByDefaultPolicy(), autoDeployOnApproval: true }, actor: { id: "alex", role: "approver" } })])).toEqual([]);
  });
});

describe("standard policy (the demo's)", () => {
  it("asks prod for one more approval at high and critical risk, not at medium", () => {
    for (const riskLevel of ["high", "critical"] as const) {
      const missing = missingForDeploy({ ...input("prod"), request: { ...request, riskLevel }, deployments: [{ environmentId: "staging", status: "succeeded" }] });
      expect(missing).toEqual([`needs 1 more approval from an approver (DBA or tech lead) (not the requester) (${riskLevel} risk)`]);
    }
    expect(evaluateDeploy(input("prod", { request: { ...request, riskLevel: "medium" }, deployments: [{ environmentId: "staging", status: "succeeded" }] })).allowed).toBe(true);
  });
  it("separates requester, approver and deployer on prod only", () => {
    const approvals = [approval({ approverId: "dana" }), approval({ approverId: "alex" })];
    const staged = [{ environmentId: "staging", status: "succeeded" as const }];
    expect(evaluateDeploy(input("prod", { approvals, deployments: staged })).allowed).toBe(false);
    expect(evaluateDeploy(input("staging", { approvals })).allowed).toBe(true);
  });
  it("freezes prod from Friday 16:00 to Monday 08:00 in the environment's time zone, with its message", () => {
    const prod = { ...chain[2], timeZone: "America/New_York" };
    const policy = standardPolicyFor(prod, chain);
    const staged = [{ environmentId: "staging", status: "succeeded" as const }];
    // Friday 17:00 UTC is 12:00 in New York: not frozen yet there.
    expect(evaluateDeploy(input("prod", { policy, deployments: staged, now: FRIDAY_EVENING })).allowed).toBe(true);
    const late = evaluateDeploy(input("prod", { policy, deployments: staged, now: new Date("2026-11-27T22:00:00Z") }));
    expect(!late.allowed && late.reasons.join()).toContain("prod is frozen: Weekend freeze");
    expect(standardPolicyFor(prod, chain, { weekendFreeze: false }).freezeWindows).toEqual([]);
    expect(standardPolicyFor(chain[1], chain).freezeWindows).toEqual([]);
  });
  it("rolls back failed prod deploys automatically and never auto-deploys", () => {
    expect(chain.map((e) => standardPolicyFor(e, chain).autoRollback)).toEqual([false, false, true]);
    expect(chain.map((e) => standardPolicyFor(e, chain).autoDeployOnApproval)).toEqual([false, false, false]);
  });
});

describe("auto-deploy on approval", () => {
  const dev = chain[0];
  const policy = { ...standardPolicyFor(dev, chain), autoDeployOnApproval: true };
  it("deploys to dev for the approver whose approval completes the requirement", () => {
    const go = input("dev", { policy, actor: { id: "alex", role: "approver" } });
    expect(autoDeployTargets([go])).toEqual([dev]);
    expect(evaluateDeploy(go)).toEqual({ allowed: true });
  });
  it("does not deploy while approvals are missing, nor for someone whose approval does not count", () => {
    expect(autoDeployTargets([input("dev", { policy, approvals: [], actor: { id: "alex", role: "approver" } })])).toEqual([]);
    expect(autoDeployTargets([input("dev", { policy, approvals: [approval({ checksums: "old" })], actor: { id: "alex", role: "approver" } })])).toEqual([]);
  });
  it("does not let an approver deploy where the policy does not deploy on approval", () => {
    expect(evaluateDeploy(input("dev", { actor: { id: "alex", role: "approver" } })).allowed).toBe(false);
    expect(autoDeployTargets([input("dev", { actor: { id: "alex", role: "approver" } })])).toEqual([]);
  });
  it("respects freeze windows", () => {
    const frozen = { ...policy, freezeWindows: [{ days: [3], from: "00:00", to: "23:59", timeZone: "UTC", message: "Wednesday freeze" }] };
    expect(autoDeployTargets([input("dev", { policy: frozen, actor: { id: "alex", role: "approver" } })])).toEqual([]);
  });
});

describe("reasonsInWords", () => {
  it("joins reasons into one sentence with a single final period", () => {
    expect(reasonsInWords(["needs 1 more approval", "staging not yet deployed"])).toBe("needs 1 more approval; staging not yet deployed.");
    expect(reasonsInWords(["needs 1 more approval", "prod has earlier migrations not applied yet: 005. Deploy those first."])).toBe(
      "needs 1 more approval; prod has earlier migrations not applied yet: 005. Deploy those first.",
    );
  });
});
