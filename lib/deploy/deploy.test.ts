import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployFixture, type DeployFixture } from "./testing";
import { query } from "@/lib/testing/databases";
import { waitFor } from "@/lib/testing/wait";

// next-auth cannot load outside Next; these tests call the domain functions with a user directly.

let fx: DeployFixture;
// Imported after the fixture has pointed the process environment at the test control plane.
let lib: {
  db: typeof import("@/lib/db").db;
  deployRequest: typeof import("@/lib/server/deployments").deployRequest;
  stopDeployment: typeof import("@/lib/server/deployments").stopDeployment;
  scheduledDeployments: typeof import("@/lib/server/deployments").scheduledDeployments;
  breakGlassReasons: typeof import("@/lib/server/deployments").breakGlassReasons;
  runDeployment: typeof import("./run").runDeployment;
};

beforeAll(async () => {
  fx = await createDeployFixture();
  lib = {
    db: (await import("@/lib/db")).db,
    ...(await import("@/lib/server/deployments")),
    runDeployment: (await import("./run")).runDeployment,
  };
});
afterAll(async () => {
  await fx?.drop();
});

describe("durable deploys", () => {
  it("queues a deploy, and a worker runs it with recorded steps, log and audit", async () => {
    const request = await fx.approvedRequest([{ name: "20260101000000_widgets", sql: 'CREATE TABLE "widgets" (id int PRIMARY KEY);', downSql: 'DROP TABLE "widgets";' }]);
    const queued = await lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.staging.id });
    expect(queued.status).toBe("queued");

    const result = await lib.runDeployment(queued.id, { workerId: "test" });
    expect(result).toEqual({ claimed: true, status: "succeeded" });
    const done = await lib.db().deployment.findUniqueOrThrow({ where: { id: queued.id }, include: { steps: { orderBy: { position: "asc" } } } });
    expect(done.status).toBe("succeeded");
    expect(done.appliedMigrations).toEqual(["20260101000000_widgets"]);
    expect(done.steps.map((s) => [s.kind, s.status])).toEqual([
      ["preflight", "succeeded"],
      ["backup", "skipped"],
      ["apply", "succeeded"],
      ["verify", "succeeded"],
    ]);
    expect(done.steps.every((s) => s.durationMs !== null && s.finishedAt)).toBe(true);
    expect(done.log).toMatch(/Applied 20260101000000_widgets/);
    const actions = (await lib.db().auditEvent.findMany({ where: { subjectId: queued.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["deployment.queued", "deployment.started", "deployment.succeeded"]);
    expect((await lib.db().migrationRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("approved");

    // A repeated job for the same deployment is skipped: never run twice.
    expect(await lib.runDeployment(queued.id, { workerId: "test-2" })).toEqual({ claimed: false });
  });

  it("lets exactly one of two simultaneous deploys to one target through, and one of two workers claim it", async () => {
    const a = await fx.approvedRequest([{ name: "20260102000000_a", sql: "SELECT 1;" }]);
    const b = await fx.approvedRequest([{ name: "20260102000001_b", sql: "SELECT 2;" }]);
    const results = await Promise.allSettled([
      lib.deployRequest(fx.users.requester, { requestId: a.id, environmentId: fx.environments.dev.id }),
      lib.deployRequest(fx.users.requester, { requestId: b.id, environmentId: fx.environments.dev.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("CONFLICT");

    const queued = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value;
    const runs = await Promise.all([lib.runDeployment(queued.id, { workerId: "w1" }), lib.runDeployment(queued.id, { workerId: "w2" })]);
    expect(runs.filter((r) => r.claimed)).toHaveLength(1);
  });

  it("refuses at run time when the policy no longer allows it (preflight), applying nothing", async () => {
    const request = await fx.approvedRequest([{ name: "20260103000000_late", sql: 'CREATE TABLE "late" (id int);' }]);
    const queued = await lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.staging.id });
    await lib.db().approval.updateMany({ where: { requestId: request.id }, data: { invalidatedAt: new Date() } });
    expect(await lib.runDeployment(queued.id, { workerId: "test" })).toEqual({ claimed: true, status: "failed" });
    const done = await lib.db().deployment.findUniqueOrThrow({ where: { id: queued.id }, include: { steps: true } });
    expect(done.steps.map((s) => [s.kind, s.status])).toEqual([["preflight", "failed"]]);
    expect(done.error).toMatch(/Policy no longer allows this deploy: needs 1 more approval/);
    expect(await query(fx.environments.staging.url, `SELECT to_regclass('public.late') AS t`)).toEqual([{ t: null }]);
  });

  it("emergency stop: cancels the running statement, rolls back what this deploy applied, says what was not run", async () => {
    const request = await fx.approvedRequest([
      { name: "20260104000000_first", sql: 'CREATE TABLE "first" (id int);', downSql: 'DROP TABLE "first";' },
      { name: "20260104000001_slow", sql: "SELECT pg_sleep(30);", downSql: "SELECT 1;" },
      { name: "20260104000002_never", sql: 'CREATE TABLE "never" (id int);' },
    ]);
    const queued = await lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.staging.id });
    const started = Date.now();
    const run = lib.runDeployment(queued.id, { workerId: "test", heartbeatMs: 200 });
    await waitFor("the slow migration to start", () => lib.db().deploymentStep.findFirst({ where: { deploymentId: queued.id, migration: "20260104000001_slow" } }));
    expect(await lib.stopDeployment(fx.users.deployer, { deploymentId: queued.id })).toEqual({ status: "stopping" });
    expect(await run).toEqual({ claimed: true, status: "rolled_back" });
    expect(Date.now() - started).toBeLessThan(15_000);

    const done = await lib.db().deployment.findUniqueOrThrow({ where: { id: queued.id }, include: { steps: { orderBy: { position: "asc" } } } });
    expect(done.appliedMigrations).toEqual(["20260104000000_first"]);
    expect(done.rolledBackMigrations).toEqual(["20260104000000_first"]);
    expect(done.notRunMigrations).toEqual(["20260104000001_slow", "20260104000002_never"]);
    expect(done.steps.map((s) => `${s.kind}:${s.migration ?? ""}:${s.status}`)).toEqual([
      "preflight::succeeded",
      "backup::skipped",
      "apply:20260104000000_first:succeeded",
      "apply:20260104000001_slow:failed",
      "rollback:20260104000000_first:succeeded",
    ]);
    expect(done.error).toMatch(/Stopped on request/);
    expect(await query(fx.environments.staging.url, `SELECT to_regclass('public.first') AS t`)).toEqual([{ t: null }]);
    const history = await query(fx.environments.staging.url, `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations WHERE migration_name LIKE '20260104%' ORDER BY started_at`);
    expect(history).toEqual([{ migration_name: "20260104000000_first", finished: true, rolled_back: true }]);
    const actions = (await lib.db().auditEvent.findMany({ where: { subjectId: queued.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["deployment.queued", "deployment.started", "deployment.stop_requested", "deployment.rolled_back"]);
  });

  it("cancels a queued deploy before any worker takes it", async () => {
    const request = await fx.approvedRequest([{ name: "20260105000000_q", sql: "SELECT 1;" }]);
    const queued = await lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.staging.id });
    expect(await lib.stopDeployment(fx.users.deployer, { deploymentId: queued.id })).toEqual({ status: "cancelled" });
    expect(await lib.runDeployment(queued.id, { workerId: "test" })).toEqual({ claimed: false });
  });

  it("refuses an emergency stop from a role without deploy.stop", async () => {
    const request = await fx.approvedRequest([{ name: "20260106000000_r", sql: "SELECT 1;" }]);
    const queued = await lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.staging.id });
    await expect(lib.stopDeployment(fx.users.approver, { deploymentId: queued.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await lib.stopDeployment(fx.users.deployer, { deploymentId: queued.id });
  });

  it("schedules a deploy: refused in the past and inside a freeze window at that time, listed, cancelled with an audit event", async () => {
    const request = await fx.approvedRequest([{ name: "20260107000000_later", sql: "SELECT 1;" }]);
    const staging = fx.environments.staging.id;
    await expect(lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: staging, runAt: new Date(Date.now() - 3_600_000) })).rejects.toMatchObject({ code: "BAD_INPUT" });

    // A freeze covering every Sunday in the environment's zone: a Sunday slot is refused with its message, a Monday one is not.
    await lib.db().environment.update({ where: { id: staging }, data: { timeZone: "Europe/Paris" } });
    await lib.db().environmentPolicy.update({ where: { environmentId: staging }, data: { freezeWindows: [{ days: [0], from: "00:00", to: "23:59", timeZone: "Europe/Paris", message: "Sunday freeze" }] } });
    const nextWeekday = (day: number, hourUtc: number) => {
      const d = new Date();
      d.setUTCDate(d.getUTCDate() + ((day - d.getUTCDay() + 7) % 7 || 7));
      d.setUTCHours(hourUtc, 0, 0, 0);
      return d;
    };
    await expect(lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: staging, runAt: nextWeekday(0, 11) })).rejects.toThrow(/at .*\(Europe\/Paris\) refused: .*Sunday freeze/);
    const runAt = nextWeekday(1, 8);
    const queued = await lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: staging, runAt });
    expect(queued.runAt?.toISOString()).toBe(runAt.toISOString());
    const listed = await lib.scheduledDeployments(fx.users.manager);
    expect(listed.find((d) => d.id === queued.id)).toMatchObject({ environment: "staging", timeZone: "Europe/Paris", mayCancel: false });
    expect((await lib.scheduledDeployments(fx.users.deployer)).find((d) => d.id === queued.id)?.mayCancel).toBe(true);

    expect(await lib.stopDeployment(fx.users.deployer, { deploymentId: queued.id })).toEqual({ status: "cancelled" });
    expect((await lib.scheduledDeployments(fx.users.deployer)).find((d) => d.id === queued.id)).toBeUndefined();
    const actions = (await lib.db().auditEvent.findMany({ where: { subjectId: queued.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["deployment.queued", "deployment.cancelled"]);
    await lib.db().environmentPolicy.update({ where: { environmentId: staging }, data: { freezeWindows: [] } });
  });

  it("a deploy scheduled for later does not hold its target; when due while the target is busy it waits, then runs", async () => {
    const staging = fx.environments.staging.id;
    const later = await fx.approvedRequest([{ name: "20260109000000_sched", sql: 'CREATE TABLE "sched" (id int);' }]);
    const now = await fx.approvedRequest([{ name: "20260109000001_now", sql: 'CREATE TABLE "now_t" (id int);' }]);
    const scheduled = await lib.deployRequest(fx.users.deployer, { requestId: later.id, environmentId: staging, runAt: new Date(Date.now() + 3_600_000) });
    await expect(lib.deployRequest(fx.users.deployer, { requestId: later.id, environmentId: staging, runAt: new Date(Date.now() + 7_200_000) })).rejects.toThrow(/already has a deploy to staging scheduled for/);
    const immediate = await lib.deployRequest(fx.users.deployer, { requestId: now.id, environmentId: staging });

    // The scheduled time comes while the immediate deploy holds the target.
    await lib.db().deployment.update({ where: { id: scheduled.id }, data: { runAt: new Date(Date.now() - 1_000) } });
    expect(await lib.runDeployment(scheduled.id, { workerId: "w" })).toEqual({ claimed: false, busy: true });
    expect((await lib.db().deployment.findUniqueOrThrow({ where: { id: scheduled.id } })).status).toBe("queued");
    expect(await lib.runDeployment(immediate.id, { workerId: "w" })).toEqual({ claimed: true, status: "succeeded" });
    expect(await lib.runDeployment(scheduled.id, { workerId: "w" })).toEqual({ claimed: true, status: "succeeded" });
  });

  it("break-glass: only an admin with a written reason passes a refusing policy; the deployment and its audit event are flagged", async () => {
    const request = await fx.approvedRequest([{ name: "20260108000000_urgent", sql: "SELECT 1;" }]);
    const prod = fx.environments.prod.id;
    await expect(lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: prod, breakGlassReason: "incident 42, needed now" })).rejects.toMatchObject({ code: "POLICY_DENIED" });
    await expect(lib.deployRequest(fx.users.admin, { requestId: request.id, environmentId: prod, breakGlassReason: "too short" })).rejects.toThrow(/at least 10 characters/);
    const queued = await lib.deployRequest(fx.users.admin, { requestId: request.id, environmentId: prod, breakGlassReason: "incident 42, needed now" });
    expect(queued.breakGlassReason).toBe("incident 42, needed now");
    expect(await lib.breakGlassReasons([queued.id])).toEqual({ [queued.id]: "incident 42, needed now" });
    const flagged = await lib.db().auditEvent.findFirst({ where: { subjectId: queued.id, action: "deployment.break_glass" } });
    expect(flagged).not.toBeNull();
    await lib.stopDeployment(fx.users.admin, { deploymentId: queued.id });
  });
});
