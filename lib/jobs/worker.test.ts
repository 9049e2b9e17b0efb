import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { waitFor } from "@/lib/testing/wait";

// Worker processes start cold (tsx), so they get longer than in-process waits.
const WORKER_WAIT_MS = 30_000;


let fx: DeployFixture;
let db: typeof import("@/lib/db").db;
let deployRequest: typeof import("@/lib/server/deployments").deployRequest;
const children: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  // node with tsx's loader, not the tsx wrapper: SIGKILL must hit the worker itself, not a parent that cannot relay it.
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("lib/jobs/run-worker.ts")], {
    env: { ...process.env, SLUICE_WORKER_STALE_MS: "1500", SLUICE_WORKER_HEARTBEAT_MS: "200" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  children.push(child);
  return child;
}

beforeAll(async () => {
  fx = await createDeployFixture();
  db = (await import("@/lib/db")).db;
  deployRequest = (await import("@/lib/server/deployments")).deployRequest;
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await fx?.drop();
});

describe("deploy worker process", () => {
  it("runs a queued deploy end to end in its own process", async () => {
    const worker = startWorkerProcess();
    const request = await fx.approvedRequest([{ name: "20260201000000_ok", sql: 'CREATE TABLE "ok" (id int);' }]);
    const queued = await deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.staging.id });
    const done = await waitFor("the deploy to finish", async () => {
      const d = await db().deployment.findUniqueOrThrow({ where: { id: queued.id } });
      return d.status === "queued" || d.status === "running" ? null : d;
    }, WORKER_WAIT_MS);
    expect(done.status).toBe("succeeded");
    worker.kill("SIGTERM");
    await new Promise((r) => worker.once("exit", r));
  });

  it("a worker killed with SIGKILL mid-migration leaves a deploy the next worker marks failed, with the target's real state", async () => {
    const first = startWorkerProcess();
    const request = await fx.approvedRequest([
      { name: "20260202000000_before", sql: 'CREATE TABLE "before_crash" (id int);' },
      // Sleeps on the target only: the prod rehearsal replays it on a scratch database first.
      { name: "20260202000001_sleepy", sql: "DO $$ BEGIN IF current_database() NOT LIKE 'sluice_rehearsal_%' THEN PERFORM pg_sleep(20); END IF; END $$;" },
    ]);
    const queued = await deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.prod.id, breakGlassReason: "crash test: prod without staging" }).catch(
      async () => deployRequest(fx.users.admin, { requestId: request.id, environmentId: fx.environments.prod.id, breakGlassReason: "crash test: prod without staging" }),
    );
    await waitFor("the slow migration to be running", () =>
      db().deploymentStep.findFirst({ where: { deploymentId: queued.id, migration: "20260202000001_sleepy", status: "running" } }),
      WORKER_WAIT_MS,
    );
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));

    startWorkerProcess();
    const recovered = await waitFor("recovery", async () => {
      const d = await db().deployment.findUniqueOrThrow({ where: { id: queued.id }, include: { steps: { orderBy: { position: "asc" } } } });
      return d.status === "running" ? null : d;
    }, WORKER_WAIT_MS);
    expect(recovered.status).toBe("failed");
    expect(recovered.error).toMatch(/stopped responding/);
    expect(recovered.error).toMatch(/20260202000000_before: applied/);
    // The engine inserts a migration's row before running it: cut off mid-way, it is failed there, as Prisma would say.
    expect(recovered.error).toMatch(/20260202000001_sleepy: failed/);
    expect(recovered.appliedMigrations).toEqual(["20260202000000_before"]);
    expect(recovered.steps.find((s) => s.migration === "20260202000001_sleepy")).toMatchObject({ status: "failed", detail: expect.stringMatching(/worker died/) });
    expect(recovered.breakGlassReason).toBe("crash test: prod without staging");
    const audit = await db().auditEvent.findFirst({ where: { subjectId: queued.id, action: "deployment.abandoned" } });
    expect(audit).not.toBeNull();
    expect((await db().migrationRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("failed");
  });
});
