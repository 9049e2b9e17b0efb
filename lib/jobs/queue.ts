import PgBoss from "pg-boss";

/** The durable queue lives in the control plane's own database, in its own schema. */
export const QUEUE_SCHEMA = "pgboss";
export const DEPLOY_QUEUE = "sluice-deploy";

export type DeployJob = { deploymentId: string };

/**
 * Opens pg-boss on the control plane's database. The web server only sends, so it runs no
 * maintenance; workers supervise (expire, archive) the queue. Creating the queue is idempotent.
 * `stately` + the deployment id as singleton key: at most one waiting job per deployment, so a
 * re-send from the orphan sweep never piles up duplicates (the worker's claim makes any
 * duplicate harmless anyway).
 */
export async function openQueue(databaseUrl: string, role: "producer" | "worker"): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    application_name: `sluice-${role}`,
    supervise: role === "worker",
    // Workers keep the cron schedules (lib/jobs/schedules.ts); the web process only sends.
    schedule: role === "worker",
    max: role === "worker" ? 4 : 2,
  });
  boss.on("error", (error) => console.error(`[sluice ${role}] queue error: ${error.message}`));
  await boss.start();
  await boss.createQueue(DEPLOY_QUEUE, { name: DEPLOY_QUEUE, policy: "stately", retryLimit: 0, expireInSeconds: 6 * 60 * 60 });
  return boss;
}

/** Sends the wake-up for a deployment row; the row, not the job, is the source of truth. */
export async function sendDeployJob(boss: PgBoss, deploymentId: string, runAt: Date | null): Promise<void> {
  await boss.send(DEPLOY_QUEUE, { deploymentId } satisfies DeployJob, {
    singletonKey: deploymentId,
    retryLimit: 0,
    ...(runAt && runAt > new Date() ? { startAfter: runAt } : {}),
  });
}

const globalForQueue = globalThis as unknown as { sluiceProducer?: Promise<PgBoss> };

/** The web process's one sending connection to the queue. */
export function producer(databaseUrl: string): Promise<PgBoss> {
  globalForQueue.sluiceProducer ??= openQueue(databaseUrl, "producer").catch((error) => {
    globalForQueue.sluiceProducer = undefined;
    throw error;
  });
  return globalForQueue.sluiceProducer;
}

/** Closes the web process's sending connection (tests, shutdown). */
export async function closeProducer(): Promise<void> {
  const pending = globalForQueue.sluiceProducer;
  globalForQueue.sluiceProducer = undefined;
  if (pending) await (await pending).stop({ graceful: false, wait: true });
}
