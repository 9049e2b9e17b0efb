import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { can, type Action } from "@/lib/auth/permissions";
import { tokenAllows } from "@/lib/auth/token-scopes";
import type { Role } from "@/lib/generated/prisma/enums";
import { evaluateDeploy } from "@/lib/workflow/policy";
import { ZStartDeploy, ZStopDeployment, type TStartDeploy, type TStopDeployment } from "@/lib/schemas/deployment";
import { restoreBackup, type RestoreReport } from "@/lib/deploy/restore";
import { checkTarget } from "@/lib/deploy/preflight";
import { producer, sendDeployJob } from "@/lib/jobs/queue";
import { parseDatabaseUrl, type MigrationFile } from "@/lib/engine";
import { deployCheckInput } from "./deploy-policy";
import { environmentUrl, requestSourceMigrations } from "./projects";
import { readableProjects } from "./readable-projects";
import { Prisma } from "@/lib/generated/prisma/client";

const UNIQUE_VIOLATION = "P2002";
/** How far in the past a schedule may be (clock skew, a slow form) before it is refused rather than run now. */
const SCHEDULE_GRACE_MS = 60_000;

/** A runAt in the past is refused; one within the grace period means "now". */
function scheduledTime(runAt: Date | undefined): Date | null {
  if (!runAt) return null;
  const now = Date.now();
  if (runAt.getTime() < now - SCHEDULE_GRACE_MS) throw new AppError("BAD_INPUT", "That time is in the past: pick a time to come, or deploy now.");
  return runAt.getTime() <= now ? null : runAt;
}

export function formatInZone(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(at);
}

/**
 * Queues a deploy of a request to one environment. Authorization, policy and the target's
 * state are checked here for a fast answer, and again by the worker's preflight when it runs.
 * The Deployment row (status queued) is the durable record; the pg-boss job only wakes a
 * worker, and a worker re-sends jobs for queued rows that have none, so neither a web restart
 * between the commit and the send nor a duplicate job can lose or repeat a deploy.
 * The partial unique index on Deployment refuses a second queued/running deploy to one target.
 */
export async function deployRequest(user: CurrentUser, raw: TStartDeploy) {
  const input = ZStartDeploy.parse(raw);
  const request = await db().migrationRequest.findUnique({
    where: { id: input.requestId },
    include: { migrations: { orderBy: { position: "asc" } }, project: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "No such request.");
  const environment = await db().environment.findFirst({ where: { id: input.environmentId, projectId: request.projectId, removedAt: null } });
  if (!environment) throw new AppError("NOT_FOUND", "No such environment in this project.");
  const role = await authorize(user, request.projectId, environment.position === 0 ? "deploy.start_dev" : "deploy.start");
  const runAt = scheduledTime(input.runAt);
  // A scheduled deploy is checked against the policy at the time it will run (freeze windows), and again by the worker then.
  const verdict = evaluateDeploy({ ...(await deployCheckInput(request.id, environment.id, user)), now: runAt ?? new Date() });
  const breakGlass = !verdict.allowed && input.breakGlassReason && role === "admin" ? input.breakGlassReason : null;
  if (!verdict.allowed && !breakGlass) {
    await db().$transaction((tx) =>
      recordAudit(tx, {
        actor: auditActorOf(user),
        action: "deployment.refused",
        subjectType: "request",
        subjectId: request.id,
        projectId: request.projectId,
        metadata: { environment: environment.name, reasons: verdict.reasons },
      }),
    );
    const when = runAt ? ` at ${formatInZone(runAt, environment.timeZone)} (${environment.timeZone})` : "";
    throw new AppError("POLICY_DENIED", `Deploy to ${environment.name}${when} refused: ${verdict.reasons.join("; ")}.`);
  }

  const migrations: MigrationFile[] = request.migrations.map((m) => ({ name: m.name, sql: m.sql, checksum: m.checksum, downSql: m.downSql, verifySql: m.verifySql }));
  const target = await checkTarget(environmentUrl(environment), environment.name, migrations, await requestSourceMigrations(request));
  if (!target.ok) throw new AppError(target.problem.startsWith("Cannot reach") ? "TARGET_FAILED" : "CONFLICT", target.problem);

  const pending = await db().deployment.findFirst({ where: { requestId: request.id, environmentId: environment.id, status: "queued" }, select: { runAt: true } });
  if (pending) {
    const when = pending.runAt ? `scheduled for ${formatInZone(pending.runAt, environment.timeZone)} (${environment.timeZone})` : "queued";
    throw new AppError("CONFLICT", `This request already has a deploy to ${environment.name} ${when}. Cancel it first.`);
  }
  let deployment;
  try {
    deployment = await db().$transaction(async (tx) => {
      // Under the lock removeEnvironment takes: an environment archived while this deploy was
      // being checked is seen here, and a removal waiting on us then sees this deploy queued.
      const [live] = await tx.$queryRaw<{ removedAt: Date | null }[]>`SELECT "removedAt" FROM "Environment" WHERE id = ${environment.id} FOR SHARE`;
      if (!live || live.removedAt) throw new AppError("CONFLICT", `${environment.name} was removed from the project while this deploy was being checked.`);
      const created = await tx.deployment.create({
        data: { requestId: request.id, environmentId: environment.id, startedById: user.id, status: "queued", runAt, breakGlassReason: breakGlass },
      });
      const actor = auditActorOf(user);
      await recordAudit(tx, {
        actor,
        action: "deployment.queued",
        subjectType: "deployment",
        subjectId: created.id,
        projectId: request.projectId,
        after: { environment: environment.name, migrations: migrations.map((m) => m.name), requestId: request.id, runAt: runAt?.toISOString() ?? null, timeZone: runAt ? environment.timeZone : undefined },
      });
      if (breakGlass) {
        await recordAudit(tx, {
          actor,
          action: "deployment.break_glass",
          subjectType: "deployment",
          subjectId: created.id,
          projectId: request.projectId,
          after: { environment: environment.name, reason: breakGlass, policyReasons: verdict.allowed ? [] : verdict.reasons },
        });
      }
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === UNIQUE_VIOLATION) {
      throw new AppError("CONFLICT", `A deploy to ${environment.name} is already queued or running. Wait for it to finish.`);
    }
    throw error;
  }

  try {
    await sendDeployJob(await producer(env().DATABASE_URL), deployment.id, deployment.runAt);
  } catch (error) {
    // The row is committed: a worker's sweep sends the job. Say so in the server log only.
    console.error(`[sluice] deployment ${deployment.id} queued, job not sent yet (a worker will pick it up): ${(error as Error).message}`);
  }
  return deployment;
}

/**
 * Emergency stop. A queued deploy is cancelled at once (the worker's claim then skips it);
 * a running one gets a stop flag the worker polls with its heartbeat: it cancels the running
 * statement, stops at a safe point and rolls back what it applied.
 */
export async function stopDeployment(user: CurrentUser, raw: TStopDeployment) {
  const { deploymentId } = ZStopDeployment.parse(raw);
  const deployment = await db().deployment.findUnique({ where: { id: deploymentId }, include: { request: true, environment: true } });
  if (!deployment) throw new AppError("NOT_FOUND", "No such deployment.");
  await authorize(user, deployment.request.projectId, "deploy.stop");
  const actor = auditActorOf(user);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const cancelled = await tx.deployment.updateMany({
      where: { id: deploymentId, status: "queued" },
      data: { status: "cancelled", finishedAt: now, stopRequestedAt: now, stopRequestedById: user.id, error: "Cancelled before it started; nothing was applied.", notRunMigrations: [] },
    });
    if (cancelled.count) {
      await recordAudit(tx, { actor, action: "deployment.cancelled", subjectType: "deployment", subjectId: deploymentId, projectId: deployment.request.projectId, before: { status: "queued" }, after: { status: "cancelled", environment: deployment.environment.name } });
      return { status: "cancelled" as const };
    }
    const flagged = await tx.deployment.updateMany({ where: { id: deploymentId, status: "running", stopRequestedAt: null }, data: { stopRequestedAt: now, stopRequestedById: user.id } });
    if (flagged.count) {
      await recordAudit(tx, { actor, action: "deployment.stop_requested", subjectType: "deployment", subjectId: deploymentId, projectId: deployment.request.projectId, before: { status: "running" }, after: { stopRequestedAt: now.toISOString(), environment: deployment.environment.name } });
      return { status: "stopping" as const };
    }
    const current = await tx.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { status: true } });
    if (current.status === "running") return { status: "stopping" as const };
    throw new AppError("CONFLICT", `This deploy already finished (${current.status.replace("_", " ")}).`);
  });
}

/**
 * Puts the tables a prod deploy changed back to the backup taken before it (admins only).
 * The target changes outside the control plane's transaction, so the audit event follows the
 * restore; a failed restore changes nothing (one transaction on the target) and is not audited.
 */
export async function restoreDeployment(user: CurrentUser, raw: TStopDeployment): Promise<RestoreReport> {
  const { deploymentId } = ZStopDeployment.parse(raw);
  const deployment = await db().deployment.findUnique({ where: { id: deploymentId }, include: { request: true, environment: true, backup: { select: { id: true, restoredAt: true } } } });
  if (!deployment) throw new AppError("NOT_FOUND", "No such deployment.");
  await authorize(user, deployment.request.projectId, "settings.manage");
  if (!deployment.backup) throw new AppError("CONFLICT", "This deployment has no backup: only prod deploys take one, before applying anything.");
  if (deployment.status === "queued" || deployment.status === "running") throw new AppError("CONFLICT", "This deploy is still running: stop it or wait for it to finish before restoring.");
  const busy = await db().deployment.findFirst({
    where: { environmentId: deployment.environmentId, OR: [{ status: "running" }, { status: "queued", OR: [{ runAt: null }, { runAt: { lte: new Date() } }] }] },
    select: { id: true },
  });
  if (busy) throw new AppError("CONFLICT", `Another deploy to ${deployment.environment.name} is queued or running; restore when it has finished.`);
  let report: RestoreReport;
  try {
    report = await restoreBackup({ deploymentId, url: environmentUrl(deployment.environment) });
  } catch (error) {
    throw new AppError("TARGET_FAILED", `Restore failed on ${deployment.environment.name}; nothing was changed: ${(error as Error).message}`);
  }
  const now = new Date();
  await db().$transaction(async (tx) => {
    await tx.deploymentBackup.update({ where: { deploymentId }, data: { restoredAt: now, restoredById: user.id } });
    await recordAudit(tx, {
      actor: auditActorOf(user),
      action: "deployment.restored",
      subjectType: "deployment",
      subjectId: deploymentId,
      projectId: deployment.request.projectId,
      before: { restoredAt: deployment.backup?.restoredAt?.toISOString() ?? null },
      after: { environment: deployment.environment.name, tables: report.tables, schemaChanges: report.schemaChanges },
    });
  });
  return report;
}

/** What a button may offer: the role allows the action and so does the API token, if the call came with one. */
function mayDo(user: CurrentUser, role: Role | null, projectId: string, action: Action): boolean {
  return can(role, action) && tokenAllows(user.token, projectId, action);
}

export type DeploymentProgress = Awaited<ReturnType<typeof deploymentProgress>>;

const LOG_LINES = 500;

/** What the live progress view shows; readable by every member of the project. */
export async function deploymentProgress(user: CurrentUser, deploymentId: string) {
  const d = await db().deployment.findUnique({
    where: { id: deploymentId },
    include: {
      steps: { orderBy: { position: "asc" } },
      environment: true,
      request: { select: { id: true, number: true, title: true, projectId: true } },
      startedBy: { select: { name: true, email: true } },
    },
  });
  if (!d) throw new AppError("NOT_FOUND", "No such deployment.");
  const role = await authorize(user, d.request.projectId, "history.read");
  const active = d.status === "queued" || d.status === "running";
  const now = Date.now();
  const lines = d.log ? d.log.split("\n") : [];
  return {
    id: d.id,
    status: d.status,
    active,
    environment: d.environment.name,
    request: { number: d.request.number, title: d.request.title },
    startedBy: d.startedBy.name,
    createdAt: d.createdAt.toISOString(),
    runAt: d.runAt?.toISOString() ?? null,
    startedAt: d.startedAt?.toISOString() ?? null,
    finishedAt: d.finishedAt?.toISOString() ?? null,
    elapsedMs: d.startedAt ? (d.finishedAt?.getTime() ?? now) - d.startedAt.getTime() : null,
    heartbeatAt: d.heartbeatAt?.toISOString() ?? null,
    currentMigration: d.currentMigration,
    currentStatement: d.status === "running" ? await runningStatement(environmentUrl(d.environment), d.id) : null,
    stopRequestedAt: d.stopRequestedAt?.toISOString() ?? null,
    mayStop: active && mayDo(user, role, d.request.projectId, "deploy.stop"),
    breakGlassReason: d.breakGlassReason,
    applied: d.appliedMigrations,
    rolledBack: d.rolledBackMigrations,
    notRun: d.notRunMigrations,
    error: d.error,
    steps: d.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      name: s.name,
      migration: s.migration,
      status: s.status,
      startedAt: s.startedAt.toISOString(),
      durationMs: s.durationMs ?? (s.status === "running" ? now - s.startedAt.getTime() : null),
      detail: s.detail,
    })),
    log: lines.slice(-LOG_LINES),
    logTruncated: lines.length > LOG_LINES,
  };
}

export type RunningStatement = { query: string; state: string | null; waitingOn: string | null; runningMs: number | null };

/**
 * The statement the deploy's session is running on the target, and what it waits for (a lock
 * wait shows as `Lock: relation`). Best effort: a slow or unreachable target returns null.
 */
async function runningStatement(url: string, deploymentId: string): Promise<RunningStatement | null> {
  // The engine's URL reading: Prisma's parameters and libpq's sslmode, as the deploy itself connects.
  const client = new pg.Client({ ...parseDatabaseUrl(url).config, connectionTimeoutMillis: 1_500, statement_timeout: 1_500, application_name: "sluice-progress" });
  try {
    await client.connect();
    const { rows } = await client.query<{ query: string; state: string | null; wait: string | null; ms: number | null }>(
      `SELECT left(query, 2000) AS query, state,
              CASE WHEN wait_event_type IS NULL THEN NULL ELSE wait_event_type || ': ' || wait_event END AS wait,
              (extract(epoch FROM clock_timestamp() - query_start) * 1000)::int AS ms
         FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid() AND state <> 'idle'
         ORDER BY query_start LIMIT 1`,
      [`sluice-deploy-${deploymentId}`],
    );
    const row = rows[0];
    return row ? { query: row.query, state: row.state, waitingOn: row.wait, runningMs: row.ms } : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type DeploymentControls = {
  active: boolean;
  breakGlassReason: string | null;
  backup: { createdAt: string; sizeBytes: number; tables: { name: string; rows: number }[]; restoredAt: string | null } | null;
  /** Admins restore a backup (settings.manage); the server checks again. */
  mayRestore: boolean;
};

/** What the deployment page adds to the history record: live progress, break-glass flag, backup and restore. */
export async function deploymentControls(user: CurrentUser, deploymentId: string): Promise<DeploymentControls> {
  const d = await db().deployment.findUnique({
    where: { id: deploymentId },
    select: {
      status: true,
      breakGlassReason: true,
      request: { select: { projectId: true } },
      backup: { select: { createdAt: true, sizeBytes: true, restoredAt: true, tables: { select: { schemaName: true, tableName: true, rowCount: true }, orderBy: { tableName: "asc" } } } },
    },
  });
  if (!d) throw new AppError("NOT_FOUND", "No such deployment.");
  const role = await authorize(user, d.request.projectId, "history.read");
  return {
    active: d.status === "queued" || d.status === "running",
    breakGlassReason: d.breakGlassReason,
    backup: d.backup
      ? {
          createdAt: d.backup.createdAt.toISOString(),
          sizeBytes: d.backup.sizeBytes,
          tables: d.backup.tables.map((t) => ({ name: `${t.schemaName}.${t.tableName}`, rows: t.rowCount })),
          restoredAt: d.backup.restoredAt?.toISOString() ?? null,
        }
      : null,
    mayRestore: mayDo(user, role, d.request.projectId, "settings.manage"),
  };
}

/** Break-glass reasons of these deployments (ids the caller already may read), for flags in lists. */
export async function breakGlassReasons(deploymentIds: string[]): Promise<Record<string, string>> {
  if (!deploymentIds.length) return {};
  const rows = await db().deployment.findMany({ where: { id: { in: deploymentIds }, breakGlassReason: { not: null } }, select: { id: true, breakGlassReason: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.breakGlassReason!]));
}

export type DeployOption = {
  environmentId: string;
  name: string;
  timeZone: string;
  /** The viewer's role may start deploys here: they may schedule one (checked against the policy at that time). */
  maySchedule: boolean;
  /** The policy refuses the viewer now and the viewer is an admin: a break-glass deploy with a written reason is possible. */
  mayBreakGlass: boolean;
  reasons: string[];
};

/** Per environment of a request's project: what the deploy panel may offer this viewer beyond a plain deploy. */
export async function deployOptions(user: CurrentUser, requestId: string): Promise<DeployOption[]> {
  const request = await db().migrationRequest.findUnique({
    where: { id: requestId },
    select: { id: true, projectId: true, project: { select: { environments: { where: { removedAt: null }, orderBy: { position: "asc" }, select: { id: true, name: true, position: true, timeZone: true } } } } },
  });
  if (!request) throw new AppError("NOT_FOUND", "No such request.");
  const role = await authorize(user, request.projectId, "history.read");
  return Promise.all(
    request.project.environments.map(async (environment) => {
      const verdict = evaluateDeploy(await deployCheckInput(request.id, environment.id, user));
      // What holds the target now (the one-per-target index): a scheduled deploy does not.
      const busy = await db().deployment.count({ where: { environmentId: environment.id, OR: [{ status: "running" }, { status: "queued", runAt: null }] } });
      const pending = await db().deployment.count({ where: { requestId: request.id, environmentId: environment.id, status: "queued" } });
      return {
        environmentId: environment.id,
        name: environment.name,
        timeZone: environment.timeZone,
        maySchedule: mayDo(user, role, request.projectId, environment.position === 0 ? "deploy.start_dev" : "deploy.start") && !pending,
        mayBreakGlass: role === "admin" && mayDo(user, role, request.projectId, "deploy.start") && !verdict.allowed && !busy && !pending,
        reasons: verdict.allowed ? [] : verdict.reasons,
      };
    }),
  );
}

export type ScheduledDeploy = {
  id: string;
  runAt: string;
  runAtLocal: string;
  timeZone: string;
  project: string;
  environment: string;
  request: { number: number; title: string };
  scheduledBy: string;
  breakGlassReason: string | null;
  mayCancel: boolean;
};

/** Deploys waiting for their time, in the projects the viewer reads, soonest first. */
export async function scheduledDeployments(user: CurrentUser): Promise<ScheduledDeploy[]> {
  const readable = await readableProjects(user, "history.read");
  const rows = await db().deployment.findMany({
    where: { status: "queued", runAt: { not: null }, request: { projectId: { in: readable.map((p) => p.id) } } },
    orderBy: { runAt: "asc" },
    include: { environment: true, request: { select: { number: true, title: true, projectId: true, project: { select: { name: true } } } }, startedBy: { select: { name: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    runAt: d.runAt!.toISOString(),
    runAtLocal: formatInZone(d.runAt!, d.environment.timeZone),
    timeZone: d.environment.timeZone,
    project: d.request.project.name,
    environment: d.environment.name,
    request: { number: d.request.number, title: d.request.title },
    scheduledBy: d.startedBy.name,
    breakGlassReason: d.breakGlassReason,
    mayCancel: mayDo(user, readable.find((p) => p.id === d.request.projectId)?.role ?? null, d.request.projectId, "deploy.stop"),
  }));
}
