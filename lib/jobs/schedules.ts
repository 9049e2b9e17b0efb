import type PgBoss from "pg-boss";

/**
 * Recurring work the workers run on pg-boss's cron: the schedule lives in the control plane's
 * database, so with any number of workers each tick runs once. A job here is only its queue,
 * its cron and what to run; the worker's entry point (run-worker.ts) supplies the handler, so
 * the worker itself stays free of the domain layer.
 */
export type ScheduledJob = { queue: string; cron: string; run: () => Promise<void> };

/** Fetches the git projects whose refresh interval has elapsed (lib/server/projects/refresh-due.ts). */
export const REFRESH_SOURCES_QUEUE = "sluice-refresh-sources";
export const EVERY_MINUTE = "* * * * *";

/**
 * Creates each job's queue (before `schedule`, which needs it), records its cron and takes its
 * jobs. `stately`: one waiting and one running at most, so a slow tick never piles up others.
 */
export async function registerScheduledJobs(boss: PgBoss, jobs: ScheduledJob[], log: (line: string) => void): Promise<void> {
  for (const job of jobs) {
    await boss.createQueue(job.queue, { name: job.queue, policy: "stately", retryLimit: 0, expireInSeconds: 15 * 60 });
    await boss.schedule(job.queue, job.cron, {}, { tz: "UTC" });
    await boss.work(job.queue, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
      try {
        await job.run();
      } catch (error) {
        log(`${job.queue} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }
}
