import { describe, expect, it } from "vitest";
import { approvalsSatisfy, evaluateDecision, evaluateDeploy, missingForDeploy } from "./policy";
import { defaultPolicyFor } from "./default-policy";
import type { DeployCheckInput, PolicyApproval } from "./types";

const chain = [
  { id: "dev", name: "dev", position: 0 },
  { id: "staging", name: "staging", position: 1 },
  { id: "prod", name: "prod", position: 2 },
];
const request = { requesterId: "rita", status: "approved" as const, checksums: "abc" };
const approval = (over: Partial<PolicyApproval> = {}): PolicyApproval => ({
  approverId: "alex",
  approverRole: "approver",
  decision: "approved",
  environmentId: null,
  checksums: "abc",
  invalidatedAt: null,
  ...over,
});

function input(envId: string, over: Partial<DeployCheckInput> = {}): DeployCheckInput {
  const environment = chain.find((e) => e.id === envId)!;
  return {
    request,
    environment,
    chain,
    policy: defaultPolicyFor(environment, chain),
    approvals: [approval()],
    deployments: [],
    actor: { id: "dana", role: "deployer" },
    ...over,
  };
}

describe("approvals", () => {
  const policy = defaultPolicyFor(chain[1], chain);
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
      "needs 1 more approval from approver (not the requester)",
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
  const base = defaultPolicyFor(staging, chain);
  it("asks for extra approvals by risk level", () => {
    const policy = { ...base, extraApprovalsAtRisk: { high: 1, critical: 2 } };
    const high = input("staging", { policy, request: { ...request, riskLevel: "high" } });
    expect(evaluateDeploy(high).allowed).toBe(false);
    expect(missingForDeploy(high)).toContain("needs 1 more approval from approver (not the requester) (high risk)");
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
    const friday = evaluateDeploy(input("staging", { policy, now: new Date("2026-11-27T17:00:00Z") }));
    expect(!friday.allowed && friday.reasons).toContain("staging is frozen: no deploys over the weekend");
    expect(evaluateDeploy(input("staging", { policy, now: new Date("2026-11-25T10:00:00Z") })).allowed).toBe(true);
  });
});
