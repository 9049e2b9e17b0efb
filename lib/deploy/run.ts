import { deployMigrations, isEngineError, migrationStatus, rollbackMigration, type EngineEvent, type MigrationFile } from "@/lib/engine";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { evaluateDeploy } from "@/lib/workflow/policy";
import { deployCheckInput } from "@/lib/server/deploy-policy";
import { environmentUrl, requestSourceMigrations } from "@/lib/server/projects";
import { DeploymentRecorder, type OpenStep } from "./recorder";
import { checkTarget } from "./preflight";
import { Prisma } from "@/lib/generated/prisma/client";
import { deploymentOutcome, type RunFacts } from "./outcome";
import { backupTouchedTables, isProtectedEnvironment, type BackupResult } from "./backup";
import { rehearseOnSchemaCopy } from "./rehearsal";

export type RunOptions = {
  workerId: string;
  /** How often the worker proves it is alive and looks for a stop request. */
  heartbeatMs?: number;
};

/** `busy`: the deployment is due but another deploy holds its target; it stays queued and the worker's sweep retries it. */
export type RunResult = { claimed: false; busy?: true } | { claimed: true; status: string };

const UNIQUE_VIOLATION = "P2002";

/**
 * Runs one queued deployment to the end. The claim is a conditional UPDATE, so however many
 * workers receive the job (or a re-sent one), exactly one runs it and a finished, cancelled or
 * abandoned deployment is never run again.
 */
export async function runDeployment(deploymentId: string, opts: RunOptions): Promise<RunResult> {
  let claimed;
  try {
    claimed = await claim(deploymentId, opts.workerId);
  } catch (error) {
    // A scheduled deploy whose time came while another deploy runs on its target (the one-per-target index).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === UNIQUE_VIOLATION) return { claimed: false, busy: true };
    throw error;
  }
  if (!claimed) return { claimed: false };
  return runClaimed(deploymentId, opts);
}

function claim(deploymentId: string, workerId: string) {
  return db().$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.deployment.updateMany({
      where: { id: deploymentId, status: "queued" },
      data: { status: "running", startedAt: now, heartbeatAt: now, workerId },
    });
    if (!count) return null;
    // One relation at a time: Prisma's pg adapter runs a multi-relation read in a transaction as
    // parallel queries on one connection, which pg 8.19+ warns about (prisma/orm#29979).
    const d = await tx.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
    const startedBy = await tx.user.findUniqueOrThrow({ where: { id: d.startedById }, select: { id: true, email: true } });
    const environment = await tx.environment.findUniqueOrThrow({ where: { id: d.environmentId }, select: { name: true } });
    const request = await tx.migrationRequest.findUniqueOrThrow({ where: { id: d.requestId }, select: { projectId: true } });
    await recordAudit(tx, {
      actor: { id: startedBy.id, email: startedBy.email },
      action: "deployment.started",
      subjectType: "deployment",
      subjectId: d.id,
      projectId: request.projectId,
      before: { status: "queued" },
      after: { status: "running", environment: environment.name, requestId: d.requestId, worker: workerId },
    });
    return d;
  });
}

async function runClaimed(deploymentId: string, opts: RunOptions): Promise<RunResult> {
  const deployment = await db().deployment.findUniqueOrThrow({
    where: { id: deploymentId },
    include: {
      startedBy: true,
      environment: true,
      request: { include: { migrations: { orderBy: { position: "asc" } }, project: true } },
    },
  });
  const recorder = new DeploymentRecorder(deploymentId);
  const abort = new AbortController();
  let stopRequested = false;
  const heartbeat = setInterval(() => {
    void db()
      .deployment.update({ where: { id: deploymentId }, data: { heartbeatAt: new Date() }, select: { stopRequestedAt: true } })
      .then((row) => {
        if (row.stopRequestedAt && !stopRequested) {
          stopRequested = true;
          void recorder.log("Emergency stop requested: cancelling the running statement (pg_cancel_backend) and stopping at the next safe point.");
          abort.abort();
        }
      })
      .catch((error) => console.error(`[sluice worker] heartbeat of ${deploymentId} failed: ${(error as Error).message}`));
  }, opts.heartbeatMs ?? 1000);

  try {
    const finish = await execute(deployment, recorder, abort.signal, () => stopRequested);
    return { claimed: true, status: finish };
  } catch (error) {
    // A bug or a lost control-plane connection: record it rather than leave the row running.
    const message = `Unexpected error in the worker: ${error instanceof Error ? error.message : String(error)}`;
    await recorder.log(message).catch(() => undefined);
    await finalize(deployment, recorder, { status: "failed", summary: message, applied: [], rolledBack: [], notRun: [] }).catch(() => undefined);
    return { claimed: true, status: "failed" };
  } finally {
    clearInterval(heartbeat);
  }
}

type LoadedDeployment = Prisma.DeploymentGetPayload<{
  include: { startedBy: true; environment: true; request: { include: { migrations: true; project: true } } };
}>;

function formatEvent(event: EngineEvent): string {
  return event.durationMs != null ? `${event.message} (${event.durationMs} ms)` : event.message;
}

async function execute(d: LoadedDeployment, recorder: DeploymentRecorder, signal: AbortSignal, stopRequested: () => boolean): Promise<string> {
  const env = d.environment;
  const requested: MigrationFile[] = d.request.migrations.map((m) => ({ name: m.name, sql: m.sql, checksum: m.checksum, downSql: m.downSql, verifySql: m.verifySql }));
  const names = requested.map((m) => m.name);
  const url = environmentUrl(env);

  // Preflight: everything checked when the deploy was queued may have changed since.
  const preflight = await recorder.start("preflight", "Preflight: policy, target reachable, migration history");
  const policyInput = await deployCheckInput(d.requestId, env.id, d.startedBy);
  const verdict = evaluateDeploy(policyInput);
  if (!verdict.allowed) {
    if (d.breakGlassReason) {
      await recorder.log(`BREAK-GLASS: policy not satisfied (${verdict.reasons.join("; ")}); deploying anyway on ${d.startedBy.email}'s written reason: ${d.breakGlassReason}`);
    } else {
      const problem = `Policy no longer allows this deploy: ${verdict.reasons.join("; ")}.`;
      await recorder.finish(preflight, "failed", problem);
      return finalizeEarly(d, recorder, problem, names);
    }
  }
  // The request's own snapshot: what it was made from, not whatever the branch holds now.
  const source = await requestSourceMigrations(d.request);
  const target = await checkTarget(url, env.name, requested, source);
  if (!target.ok) {
    await recorder.finish(preflight, "failed", target.problem);
    return finalizeEarly(d, recorder, target.problem, names);
  }
  if (stopRequested()) {
    await recorder.finish(preflight, "failed", "Stopped before anything was applied.");
    return finalizeEarly(d, recorder, "Stopped before anything was applied.", names, true);
  }
  await recorder.finish(preflight, "succeeded", `${target.status.pending.length} pending, ${target.status.counts.applied} applied on ${env.name}; nothing failed.`);
  await db().migrationRequest.update({ where: { id: d.requestId }, data: { status: "deploying" } });

  if (isProtectedEnvironment(env)) {
    const rehearsal = await recorder.start("rehearsal", "Rehearsal: up → down → up on a copy of the schema");
    const verdict = await rehearseOnSchemaCopy({ url, projectId: d.request.projectId, requested, status: target.status, source });
    await recorder.finish(rehearsal, verdict.outcome === "passed" ? "succeeded" : verdict.outcome === "skipped" ? "skipped" : "failed", verdict.detail);
    await recorder.log(verdict.detail);
    if (verdict.outcome === "blocked") return finalizeEarly(d, recorder, `Blocked by the rehearsal: ${verdict.detail}`, names);
    if (stopRequested()) return finalizeEarly(d, recorder, "Stopped before anything was applied.", names, true);

    const backupStep = await recorder.start("backup", "Backup of the tables the migration changes");
    const backup = await backupTouchedTables({ deploymentId: d.id, url, migrations: requested });
    if (backup.ok) {
      const detail = backupSummary(backup, d.id);
      await recorder.finish(backupStep, "succeeded", detail);
      await recorder.log(detail);
    } else if (backup.reason === "too-large" && d.breakGlassReason) {
      await recorder.finish(backupStep, "skipped", `${backup.problem} BREAK-GLASS: deploying without a backup.`);
      await recorder.log(`BREAK-GLASS: no backup. ${backup.problem}`);
    } else {
      await recorder.finish(backupStep, "failed", backup.problem);
      return finalizeEarly(d, recorder, backup.problem, names);
    }
  } else {
    await recorder.skipped("backup", "Backup", `Only prod is backed up before a deploy; nothing was copied from ${env.name}.`);
  }

  const autoRollback = policyInput.policy.autoRollback;
  // Step bookkeeping in event order: a finish must find the step its start created.
  const openSteps = new Map<string, OpenStep>();
  let stepWrites: Promise<void> = Promise.resolve();
  const onEvent = (event: EngineEvent) => {
    void recorder.log(formatEvent(event));
    const m = event.migration;
    if (!m) return;
    if (event.type === "migration-start") {
      void recorder.setCurrentMigration(m);
      stepWrites = stepWrites.then(async () => {
        openSteps.set(m, await recorder.start("apply", `Apply ${m}`, m));
      });
    } else if (event.type === "migration-applied" || event.type === "migration-failed") {
      const ok = event.type === "migration-applied";
      stepWrites = stepWrites.then(async () => {
        const step = openSteps.get(m);
        openSteps.delete(m);
        if (step) await recorder.finish(step, ok ? "succeeded" : "failed", ok ? null : event.message);
      });
    }
  };

  const facts: RunFacts = { completed: false, stopRequested: false, requested: names, alreadyApplied: [], applied: [], rolledBack: [], failed: null };
  try {
    const report = await deployMigrations({
      url,
      migrations: requested,
      applicationName: `sluice-deploy-${d.id}`,
      onEvent,
      signal,
      rollbackOnVerifyFailure: autoRollback,
    });
    facts.applied = report.applied.map((a) => a.name);
    facts.alreadyApplied = report.alreadyApplied;
    facts.completed = report.ok;
    if (report.failure) {
      facts.failed = { migration: report.failure.migration, recordedAs: report.failure.recordedAs };
      if (report.failure.recordedAs === "rolled_back") facts.rolledBack.push(report.failure.migration);
      const f = report.failure;
      const where = f.error?.context?.map((c) => `${String(c.line).padStart(4)} | ${c.text}`).join("\n");
      await recorder.log([f.message, f.error?.sqlstate ? `SQLSTATE ${f.error.sqlstate}` : null, where].filter(Boolean).join("\n"));
    }
  } catch (error) {
    const message = isEngineError(error) ? `${error.code}: ${error.message}` : `Unexpected engine error: ${error instanceof Error ? error.message : String(error)}`;
    await recorder.log(message);
    facts.failed = null;
  }
  await stepWrites.catch(() => undefined);
  for (const step of openSteps.values()) await recorder.finish(step, "failed", "Interrupted.");
  await recorder.setCurrentMigration(null);
  facts.stopRequested = stopRequested();

  if (facts.completed) {
    const verify = await recorder.start("verify", "Verify: every migration recorded as applied on the target");
    const problem = await verifyApplied(url, requested);
    if (problem) {
      await recorder.finish(verify, "failed", problem);
      facts.completed = false;
    } else {
      await recorder.finish(verify, "succeeded", requested.some((m) => m.verifySql) ? "verify.sql returned no rows; history up to date." : "History up to date.");
    }
  }

  if (!facts.completed && (facts.stopRequested || autoRollback)) {
    await rollBackApplied(url, requested, facts, recorder);
  }

  const outcome = deploymentOutcome(facts);
  await recorder.log(outcome.summary);
  await finalize(d, recorder, { status: outcome.status, summary: outcome.summary, applied: facts.applied, rolledBack: facts.rolledBack, notRun: outcome.notRun });
  return outcome.status;
}

function backupSummary(b: Extract<BackupResult, { ok: true }>, deploymentId: string): string {
  const tables = b.tables.length ? b.tables.map((t) => `${t.name} (${t.rows} rows)`).join(", ") : "no existing table";
  const notYet = b.notYetExisting.length ? ` Not existing yet, nothing to copy: ${b.notYetExisting.join(", ")}.` : "";
  const opaque = b.opaque ? ` ${b.opaque} DO block/function body not inspected: tables changed only there are not in the backup.` : "";
  return `Backed up ${tables}: ${(b.bytes / 1024).toFixed(1)} kB in the control plane. Restore with \`sluice restore ${deploymentId}\` or the button on this page.${notYet}${opaque}`;
}

/** verify.sql already ran inside the engine after each migration; this re-reads the history the way a human would. */
async function verifyApplied(url: string, requested: MigrationFile[]): Promise<string | null> {
  try {
    const status = await migrationStatus({ url, migrations: requested, applicationName: "sluice-verify" });
    const notApplied = requested.filter((m) => status.migrations.find((e) => e.name === m.name)?.state !== "applied").map((m) => m.name);
    return notApplied.length ? `Not recorded as applied after the run: ${notApplied.join(", ")}.` : null;
  } catch (error) {
    return `Could not read the target's history after applying: ${(error as Error).message}`;
  }
}

/** down.sql of what this run applied, newest first; stops at the first one that cannot be undone. */
async function rollBackApplied(url: string, requested: MigrationFile[], facts: RunFacts, recorder: DeploymentRecorder) {
  const toUndo = facts.applied.filter((m) => !facts.rolledBack.includes(m)).reverse();
  for (const name of toUndo) {
    const step = await recorder.start("rollback", `Roll back ${name}`, name);
    await recorder.setCurrentMigration(name);
    try {
      await rollbackMigration({ url, migrations: requested, name, applicationName: "sluice-rollback", onEvent: (e) => void recorder.log(formatEvent(e)) });
      facts.rolledBack.push(name);
      await recorder.finish(step, "succeeded");
    } catch (error) {
      const message = isEngineError(error) ? `${error.code}: ${error.message}` : (error as Error).message;
      await recorder.finish(step, "failed", message);
      await recorder.log(`Rollback stopped at ${name}: ${message}`);
      break;
    }
  }
  await recorder.setCurrentMigration(null);
}

async function finalizeEarly(d: LoadedDeployment, recorder: DeploymentRecorder, problem: string, names: string[], stopped = false): Promise<string> {
  const status = stopped ? "cancelled" : "failed";
  await recorder.log(problem);
  await finalize(d, recorder, { status, summary: `${problem} Nothing was applied.`, applied: [], rolledBack: [], notRun: names });
  return status;
}

type Final = { status: "succeeded" | "failed" | "rolled_back" | "cancelled"; summary: string; applied: string[]; rolledBack: string[]; notRun: string[] };

const AUDIT_BY_STATUS = {
  succeeded: "deployment.succeeded",
  failed: "deployment.failed",
  rolled_back: "deployment.rolled_back",
  cancelled: "deployment.cancelled",
} as const;

async function finalize(d: LoadedDeployment, recorder: DeploymentRecorder, f: Final) {
  await recorder.flush();
  const env = d.environment;
  const laterInChain = await db().environment.count({ where: { projectId: env.projectId, removedAt: null, position: { gt: env.position } } });
  const requestStatus =
    f.status === "succeeded" ? (laterInChain === 0 ? "deployed" : "approved") : f.status === "cancelled" ? d.request.status : f.status === "rolled_back" ? "rolled_back" : "failed";
  await db().$transaction(async (tx) => {
    await tx.deployment.update({
      where: { id: d.id },
      data: {
        status: f.status,
        finishedAt: new Date(),
        error: f.status === "succeeded" ? null : f.summary,
        appliedMigrations: f.applied,
        rolledBackMigrations: f.rolledBack,
        notRunMigrations: f.notRun,
        currentMigration: null,
      },
    });
    await tx.migrationRequest.update({ where: { id: d.requestId }, data: { status: requestStatus } });
    await recordAudit(tx, {
      actor: { id: d.startedBy.id, email: d.startedBy.email },
      action: AUDIT_BY_STATUS[f.status],
      subjectType: "deployment",
      subjectId: d.id,
      projectId: d.request.projectId,
      before: { status: "running", requestStatus: d.request.status },
      after: { status: f.status, requestStatus, environment: env.name, applied: f.applied, rolledBack: f.rolledBack, notRun: f.notRun, summary: f.summary, breakGlass: d.breakGlassReason },
    });
  });
}
