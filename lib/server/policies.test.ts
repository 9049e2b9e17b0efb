import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { standardPolicyFor } from "@/lib/workflow/default-policy";
import { policyColumns } from "@/lib/workflow/stored-policy";
import type { EnvironmentPolicy } from "@/lib/workflow/types";

// Integration: the domain functions against a real control plane and real targets (lib/deploy/testing.ts).
let fx: DeployFixture;
let lib: {
  db: typeof import("@/lib/db").db;
  deployRequest: typeof import("@/lib/server/deployments").deployRequest;
  runDeployment: typeof import("@/lib/deploy/run").runDeployment;
  deployCheckInput: typeof import("@/lib/server/deploy-policy").deployCheckInput;
} & typeof import("@/lib/server/policies") &
  typeof import("@/lib/server/requests");
let missingForDeploy: typeof import("@/lib/workflow/policy").missingForDeploy;

beforeAll(async () => {
  fx = await createDeployFixture();
  lib = {
    db: (await import("@/lib/db")).db,
    deployRequest: (await import("@/lib/server/deployments")).deployRequest,
    runDeployment: (await import("@/lib/deploy/run")).runDeployment,
    deployCheckInput: (await import("@/lib/server/deploy-policy")).deployCheckInput,
    ...(await import("@/lib/server/policies")),
    ...(await import("@/lib/server/requests")),
  };
  missingForDeploy = (await import("@/lib/workflow/policy")).missingForDeploy;
});
afterAll(async () => {
  await fx?.drop();
});

const chain = () => ["dev", "staging", "prod"].map((name, position) => ({ id: fx.environments[name].id, name, position }));
const policyOf = (name: string, over: Partial<EnvironmentPolicy> = {}) => ({ ...policyColumns(standardPolicyFor(chain().find((e) => e.name === name)!, chain(), { weekendFreeze: false })), ...over });

let seq = 0;
function pasted(sql?: string) {
  seq += 1;
  const table = `t_${seq}_${Date.now().toString(36)}`;
  return { name: `2026010100000${seq}_${table}`, sql: sql ?? `CREATE TABLE "${table}" (id int PRIMARY KEY);`, downSql: `DROP TABLE "${table}";`, table };
}

async function submitted(sql?: string) {
  const m = pasted(sql);
  const request = await lib.createRequest(fx.users.requester, { projectId: fx.project.id, title: `edit ${m.table}`, pasted: { name: m.name, sql: m.sql, downSql: m.downSql }, submit: true });
  return { request, migration: m };
}

async function auditOf(subjectId: string) {
  return lib.db().auditEvent.findMany({ where: { subjectId }, orderBy: { id: "asc" } });
}

describe("environment policies (settings)", () => {
  it("refuses non-admins, saves an admin's change and audits it with before and after", async () => {
    const staging = fx.environments.staging.id;
    await expect(lib.updatePolicy(fx.users.deployer, { environmentId: staging, policy: policyOf("staging") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.updatePolicy(fx.users.manager, { environmentId: staging, policy: policyOf("staging") })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const before = await lib.db().environmentPolicy.findUniqueOrThrow({ where: { environmentId: staging } });
    await lib.updatePolicy(fx.users.admin, { environmentId: staging, policy: policyOf("staging", { requiredApprovals: 2 }) });
    const after = await lib.db().environmentPolicy.findUniqueOrThrow({ where: { environmentId: staging } });
    expect(after.requiredApprovals).toBe(2);
    expect(after.updatedById).toBe(fx.users.admin.id);
    const [event] = (await auditOf(staging)).filter((e) => e.action === "policy.updated");
    expect(event.actorEmail).toBe(fx.users.admin.email);
    expect((event.before as { requiredApprovals: number }).requiredApprovals).toBe(before.requiredApprovals);
    expect((event.after as { requiredApprovals: number }).requiredApprovals).toBe(2);
    await lib.updatePolicy(fx.users.admin, { environmentId: staging, policy: policyOf("staging") });
  });

  it("refuses automatic deploy on approval beyond the first environment", async () => {
    await expect(lib.updatePolicy(fx.users.admin, { environmentId: fx.environments.prod.id, policy: policyOf("prod", { autoDeployOnApproval: true }) })).rejects.toThrow(/only for the first environment/);
  });

  it("refuses a policy nobody could satisfy, and a bad freeze window", async () => {
    const staging = fx.environments.staging.id;
    await expect(lib.updatePolicy(fx.users.admin, { environmentId: staging, policy: policyOf("staging", { deployRoles: [] }) })).rejects.toThrow(/at least one role that may deploy/);
    const badWindow = { days: [5], from: "18:00", to: "08:00", timeZone: "Mars/Olympus", message: "x" };
    await expect(lib.updatePolicy(fx.users.admin, { environmentId: staging, policy: policyOf("staging", { freezeWindows: [badWindow] }) })).rejects.toThrow(/Unknown time zone/);
  });
});

describe("standard policies (what the demo seeds)", () => {
  it("gives each environment without a policy the standard one, audited, and leaves existing ones alone", async () => {
    const project = await lib.db().project.create({
      data: {
        slug: `std${Date.now().toString(36)}`,
        name: "Standard",
        migrationsPath: "/nonexistent",
        environments: { create: ["dev", "staging", "prod"].map((name, position) => ({ name, position, databaseUrlEncrypted: "x", timeZone: name === "prod" ? "Europe/Paris" : "UTC" })) },
      },
      include: { environments: { orderBy: { position: "asc" } } },
    });
    await lib.createStandardPolicies(project.id, { id: null, email: "sluice-seed" }, { weekendFreeze: true });
    await lib.createStandardPolicies(project.id, { id: null, email: "sluice-seed" }, { weekendFreeze: true });
    const rows = await lib.db().environmentPolicy.findMany({ where: { environmentId: { in: project.environments.map((e) => e.id) } }, include: { environment: true } });
    const byName = Object.fromEntries(rows.map((r) => [r.environment.name, r]));
    expect(Object.keys(byName).sort()).toEqual(["dev", "prod", "staging"]);
    expect(byName.dev.deployRoles).toEqual(["requester", "deployer", "admin"]);
    expect(byName.staging.deployRoles).toEqual(["deployer", "admin"]);
    expect(byName.prod).toMatchObject({ requirePreviousEnvironment: true, approverMayNotDeploy: true, requesterMayNotApprove: true, autoRollback: true, extraApprovalsAtRisk: { high: 1, critical: 1 } });
    expect(byName.prod.freezeWindows).toEqual([expect.objectContaining({ days: [5, 6, 0, 1], from: "16:00", to: "08:00", timeZone: "Europe/Paris" })]);
    expect(rows.every((r) => !r.autoDeployOnApproval)).toBe(true);
    const events = await lib.db().auditEvent.findMany({ where: { projectId: project.id, action: "policy.created" } });
    expect(events).toHaveLength(3);
  });
});

describe("deny by default", () => {
  it("refuses every deploy to an environment without a policy except an admin's break-glass with a reason", async () => {
    const staging = fx.environments.staging.id;
    const saved = await lib.db().environmentPolicy.findUniqueOrThrow({ where: { environmentId: staging } });
    await lib.db().environmentPolicy.delete({ where: { environmentId: staging } });
    try {
      const request = await fx.approvedRequest([pasted()]);
      await expect(lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: staging })).rejects.toThrow(/staging has no deploy policy \(deny by default\)/);
      await expect(lib.deployRequest(fx.users.admin, { requestId: request.id, environmentId: staging })).rejects.toMatchObject({ code: "POLICY_DENIED" });
      const glass = await lib.deployRequest(fx.users.admin, { requestId: request.id, environmentId: staging, breakGlassReason: "incident 42: hotfix needed now" });
      expect(glass.breakGlassReason).toBe("incident 42: hotfix needed now");
      expect((await auditOf(glass.id)).map((e) => e.action)).toEqual(["deployment.queued", "deployment.break_glass"]);
      await lib.db().deployment.update({ where: { id: glass.id }, data: { status: "cancelled" } });
    } finally {
      await lib.db().environmentPolicy.create({ data: { ...saved, extraApprovalsAtRisk: saved.extraApprovalsAtRisk ?? {}, freezeWindows: saved.freezeWindows ?? [] } });
    }
  });

  it("blocks a deploy inside a freeze window with its message", async () => {
    const staging = fx.environments.staging.id;
    const always = { days: [0, 1, 2, 3, 4, 5, 6], from: "00:00", to: "23:59", timeZone: "UTC", message: "Quarter close: no deploys" };
    await lib.updatePolicy(fx.users.admin, { environmentId: staging, policy: policyOf("staging", { freezeWindows: [always] }) });
    try {
      const request = await fx.approvedRequest([pasted()]);
      await expect(lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: staging })).rejects.toThrow(/staging is frozen: Quarter close: no deploys/);
    } finally {
      await lib.updatePolicy(fx.users.admin, { environmentId: staging, policy: policyOf("staging") });
    }
  });
});

describe("approval invalidation", () => {
  it("binds an approval to the checksums and lint report, and an SQL edit invalidates it in the same transaction", async () => {
    const { request, migration } = await submitted();
    await lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved", comment: "ok" });
    const stored = await lib.db().migrationRequest.findUniqueOrThrow({ where: { id: request.id }, include: { approvals: true, migrations: true } });
    expect(stored.status).toBe("approved");
    expect(stored.lintHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.approvals[0].lintHash).toBe(stored.lintHash);
    expect(stored.approvals[0].checksums).toBe(stored.migrations[0].checksum);
    expect(missingForDeploy(await lib.deployCheckInput(request.id, fx.environments.staging.id, fx.users.deployer))).toEqual([]);

    // The approver may not edit it; the requester may.
    await expect(lib.updateRequest(fx.users.approver, { requestId: request.id, title: "x y z", migrations: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const result = await lib.updateRequest(fx.users.requester, {
      requestId: request.id,
      title: stored.title,
      description: "now with a second column",
      migrations: [{ name: migration.name, sql: `CREATE TABLE "${migration.table}" (id int PRIMARY KEY, note text);`, downSql: migration.downSql }],
    });
    expect(result).toEqual({ status: "in_review", invalidated: 1 });

    const edited = await lib.db().migrationRequest.findUniqueOrThrow({ where: { id: request.id }, include: { approvals: true, migrations: true } });
    expect(edited.status).toBe("in_review");
    expect(edited.migrations[0].checksum).not.toBe(stored.migrations[0].checksum);
    expect(edited.approvals[0].invalidatedAt).toBeInstanceOf(Date);
    expect(edited.approvals[0].invalidatedReason).toBe("SQL changed");
    const actions = (await auditOf(request.id)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(["approval.invalidated", "request.updated"]);
    expect(missingForDeploy(await lib.deployCheckInput(request.id, fx.environments.staging.id, fx.users.deployer))).toEqual([
      "request is in review",
      "needs 1 more approval from an approver (DBA or tech lead) (not the requester)",
    ]);
    await expect(lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.staging.id })).rejects.toMatchObject({ code: "POLICY_DENIED" });
  });

  it("keeps approvals when only the title or description changed", async () => {
    const { request } = await submitted();
    await lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved" });
    expect(await lib.updateRequest(fx.users.requester, { requestId: request.id, title: "a better title", description: "clearer" })).toEqual({ status: "approved", invalidated: 0 });
    const approval = await lib.db().approval.findFirstOrThrow({ where: { requestId: request.id } });
    expect(approval.invalidatedAt).toBeNull();
  });

  it("invalidates approvals when the lint report gains a finding", async () => {
    const { request } = await submitted();
    await lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved" });
    const current = await lib.db().migrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    await lib.refreshRequestLint(request.id, { lint: [], riskLevel: "high", hash: "f".repeat(64) });
    const after = await lib.db().migrationRequest.findUniqueOrThrow({ where: { id: request.id }, include: { approvals: true } });
    expect(after.lintHash).not.toBe(current.lintHash);
    expect(after.status).toBe("in_review");
    expect(after.approvals[0].invalidatedReason).toBe("new lint findings");
    // The same report again changes nothing more.
    await lib.refreshRequestLint(request.id, { lint: [], riskLevel: "high", hash: "f".repeat(64) });
    expect((await auditOf(request.id)).filter((e) => e.action === "approval.invalidated")).toHaveLength(1);
  });

  it("leaves a request's report alone once a deploy runs", async () => {
    const { request } = await submitted();
    await lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved" });
    await lib.db().migrationRequest.update({ where: { id: request.id }, data: { status: "deploying" } });
    const before = await lib.db().migrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    await lib.refreshRequestLint(request.id, { lint: [], riskLevel: "high", hash: "e".repeat(64) });
    const after = await lib.db().migrationRequest.findUniqueOrThrow({ where: { id: request.id }, include: { approvals: true } });
    expect(after.lintHash).toBe(before.lintHash);
    expect(after.approvals[0].invalidatedAt).toBeNull();
  });

  it("refuses a decision given on a lint report the page no longer matches", async () => {
    const { request } = await submitted();
    await expect(lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved" }, { seenLintHash: "0".repeat(64) })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await lib.db().approval.count({ where: { requestId: request.id } })).toBe(0);
  });

  it("refuses edits once a deploy started", async () => {
    const { request, migration } = await submitted();
    await lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved" });
    const queued = await lib.deployRequest(fx.users.requester, { requestId: request.id, environmentId: fx.environments.dev.id });
    await expect(
      lib.updateRequest(fx.users.requester, { requestId: request.id, title: "changed", migrations: [{ name: migration.name, sql: "SELECT 1;", downSql: null }] }),
    ).rejects.toThrow(/already started/);
    await lib.db().deployment.update({ where: { id: queued.id }, data: { status: "cancelled" } });
  });
});

describe("auto-deploy on approval", () => {
  it("queues the dev deploy, started by the approver and flagged auto, and the worker's preflight lets it run", async () => {
    const dev = fx.environments.dev.id;
    await lib.updatePolicy(fx.users.admin, { environmentId: dev, policy: policyOf("dev", { autoDeployOnApproval: true }) });
    try {
      const { request, migration } = await submitted();
      const { autoDeploys } = await lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved" });
      expect(autoDeploys).toHaveLength(1);
      expect(autoDeploys[0]).toMatchObject({ environment: "dev", problem: null });
      const deployment = await lib.db().deployment.findUniqueOrThrow({ where: { id: autoDeploys[0].deploymentId! } });
      expect(deployment.startedById).toBe(fx.users.approver.id);
      const [queued] = await auditOf(deployment.id);
      expect(queued.action).toBe("deployment.queued");
      expect(queued.metadata).toMatchObject({ auto: true, trigger: "approval" });

      // No other environment deploys on approval.
      expect(await lib.db().deployment.count({ where: { requestId: request.id } })).toBe(1);
      const result = await lib.runDeployment(deployment.id, { workerId: "policies-test" });
      expect(result).toMatchObject({ claimed: true });
      const finished = await lib.db().deployment.findUniqueOrThrow({ where: { id: deployment.id } });
      expect(finished.status).toBe("succeeded");
      expect(finished.appliedMigrations).toEqual([migration.name]);
    } finally {
      await lib.updatePolicy(fx.users.admin, { environmentId: dev, policy: policyOf("dev") });
    }
  });

  it("does nothing where the policy does not say so", async () => {
    const { request } = await submitted();
    const { autoDeploys } = await lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved" });
    expect(autoDeploys).toEqual([]);
    expect(await lib.db().deployment.count({ where: { requestId: request.id } })).toBe(0);
  });
});
