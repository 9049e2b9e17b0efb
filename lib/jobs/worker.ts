import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import { runDeployment } from "@/lib/deploy/run";
import { orphanedQueuedDeployments, recoverAbandonedDeployments } from "@/lib/deploy/recover";
import { DEPLOY_QUEUE, openQueue, sendDeployJob, type DeployJob } from "./queue";
import { registerScheduledJobs, type ScheduledJob } from "./schedules";

export type WorkerOptions = {
  databaseUrl: string;
  /** A running deployment whose heartbeat is older than this belongs to a dead worker. */
  staleAfterMs?: number;
  heartbeatMs?: number;
  /** Deploys this process runs at once (to different targets: one per target is enforced by the database). */
  concurrency?: number;
  log?: (line: string) => void;
  /** Recurring jobs this worker takes part in (fetching git projects on their schedule). */
  scheduled?: ScheduledJob[];
};

export type Worker = { id: string; stop: () => Promise<void> };

/**
 * A deploy worker: recovers what dead workers left behind, then takes deploy jobs from the
 * queue. Stateless: everything it knows is in the control plane's database, so any number of
 * workers on any number of machines can run side by side.
 */
export async function startWorker(opts: WorkerOptions): Promise<Worker> {
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const log = opts.log ?? ((line: string) => console.log(`[sluice worker] ${line}`));
  const staleAfterMs = opts.staleAfterMs ?? 30_000;
  const boss = await openQueue(opts.databaseUrl, "worker");

  const sweep = async () => {
    for (const recovered of await recoverAbandonedDeployments(staleAfterMs)) log(`deployment ${recovered} was abandoned by a dead worker: marked failed with the target's state`);
    for (const orphan of await orphanedQueuedDeployments(10_000)) await sendDeployJob(boss, orphan.id, orphan.runAt);
  };
  await sweep();
  const timer = setInterval(() => void sweep().catch((error) => log(`sweep failed: ${(error as Error).message}`)), Math.max(2_000, Math.min(staleAfterMs, 15_000)));

  const handle = async (jobs: PgBoss.Job<DeployJob>[]) => {
    for (const job of jobs) {
      const result = await runDeployment(job.data.deploymentId, { workerId: id, heartbeatMs: opts.heartbeatMs });
      log(
        result.claimed
          ? `deployment ${job.data.deploymentId} finished: ${result.status}`
          : result.busy
            ? `deployment ${job.data.deploymentId} is due but its target is busy: left queued, the sweep retries it`
            : `deployment ${job.data.deploymentId} skipped: not queued any more`,
      );
    }
  };
  for (let i = 0; i < (opts.concurrency ?? 2); i++) {
    await boss.work<DeployJob>(DEPLOY_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, handle);
  }
  await registerScheduledJobs(boss, opts.scheduled ?? [], log);
  log(`worker ${id} is taking deploy jobs`);

  return {
    id,
    stop: async () => {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
