import { migrationStatus } from "@/lib/engine";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { environmentUrl } from "@/lib/server/projects";
import { describeTargetState } from "./preflight";

export const WORKER_ACTOR = { id: null, email: "worker@sluice" } as const;

/**
 * Deployments left `running` by a worker that stopped sending heartbeats (killed, machine
 * lost) are marked failed with an explanation and what the target's `_prisma_migrations`
 * says now: the engine inserts a migration's row before running it, so a migration cut off
 * mid-way shows as failed there, exactly as Prisma would report it.
 * Returns the ids it recovered.
 */
export async function recoverAbandonedDeployments(staleAfterMs: number, now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - staleAfterMs);
  const stale = await db().deployment.findMany({
    where: { status: "running", OR: [{ heartbeatAt: { lt: cutoff } }, { heartbeatAt: null, startedAt: { lt: cutoff } }] },
    include: { environment: true, request: { include: { migrations: { orderBy: { position: "asc" } } } }, steps: { where: { status: "running" } } },
  });
  const recovered: string[] = [];
  for (const d of stale) {
    const names = d.request.migrations.map((m) => m.name);
    let state: string[];
    let applied: string[] = [];
    try {
      const status = await migrationStatus({
        url: environmentUrl(d.environment),
        migrations: d.request.migrations.map((m) => ({ name: m.name, sql: m.sql, checksum: m.checksum, downSql: m.downSql, verifySql: m.verifySql })),
        applicationName: "sluice-recovery",
      });
      state = describeTargetState(status, names);
      applied = status.migrations.filter((e) => names.includes(e.name) && e.state === "applied").map((e) => e.name);
    } catch (error) {
      state = [`  could not read ${d.environment.name}'s history: ${(error as Error).message}`];
    }
    const last = d.heartbeatAt ?? d.startedAt;
    const summary =
      `The worker running this deploy (${d.workerId ?? "unknown"}) stopped responding; last heartbeat ${last?.toISOString() ?? "never"}. ` +
      `Marked failed on recovery. ${d.environment.name}'s _prisma_migrations now says:\n${state.join("\n")}`;
    const done = await db().$transaction(async (tx) => {
      // Conditional on the heartbeat we read: a worker that came back to life in between keeps its deploy.
      const { count } = await tx.deployment.updateMany({
        where: { id: d.id, status: "running", heartbeatAt: d.heartbeatAt },
        data: { status: "failed", finishedAt: now, error: summary, appliedMigrations: applied, currentMigration: null },
      });
      if (!count) return false;
      await tx.$executeRaw`UPDATE "Deployment" SET "log" = "log" || E'\n' || ${`${now.toISOString()} ${summary}`} WHERE "id" = ${d.id}`;
      await tx.deploymentStep.updateMany({ where: { deploymentId: d.id, status: "running" }, data: { status: "failed", finishedAt: now, detail: "Interrupted: the worker died during this step." } });
      await tx.migrationRequest.update({ where: { id: d.requestId }, data: { status: "failed" } });
      await recordAudit(tx, {
        actor: WORKER_ACTOR,
        action: "deployment.abandoned",
        subjectType: "deployment",
        subjectId: d.id,
        projectId: d.request.projectId,
        before: { status: "running", heartbeatAt: last?.toISOString() ?? null, worker: d.workerId },
        after: { status: "failed", environment: d.environment.name, targetState: state, applied },
      });
      return true;
    });
    if (done) recovered.push(d.id);
  }
  return recovered;
}

/**
 * Queued deployments whose job may never have been sent (the web server died between the
 * commit and the send): re-sent by the worker. Duplicates are harmless, the claim runs each once.
 */
export async function orphanedQueuedDeployments(olderThanMs: number, now = new Date()): Promise<{ id: string; runAt: Date | null }[]> {
  return db().deployment.findMany({
    where: { status: "queued", createdAt: { lt: new Date(now.getTime() - olderThanMs) }, OR: [{ runAt: null }, { runAt: { lte: now } }] },
    select: { id: true, runAt: true },
  });
}
