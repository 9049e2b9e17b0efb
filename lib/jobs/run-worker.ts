/**
 * `tsx lib/jobs/run-worker.ts`: one deploy worker process. scripts/start.ts starts it beside
 * the web server; more of them, anywhere that reaches the control plane's database, scale out.
 */
import { env } from "@/lib/env";
import { refreshDueProjects } from "@/lib/server/projects/refresh-due";
import { startWorker } from "./worker";
import { EVERY_MINUTE, REFRESH_SOURCES_QUEUE, type ScheduledJob } from "./schedules";

const log = (line: string) => console.log(`[sluice worker] ${line}`);

/** Git projects with a refresh interval are fetched when it has elapsed; a failure is recorded on the project. */
const refreshSources: ScheduledJob = {
  queue: REFRESH_SOURCES_QUEUE,
  cron: EVERY_MINUTE,
  run: async () => {
    for (const { projectId, result } of await refreshDueProjects()) {
      if ("skipped" in result) log(`scheduled fetch of project ${projectId} skipped: ${result.skipped}`);
      else if (!result.ok) log(`scheduled fetch of project ${projectId} failed: ${result.error}`);
      else if (result.changed) log(`project ${projectId} moved to ${result.headCommit.slice(0, 7)}`);
    }
  },
};

async function main() {
  const worker = await startWorker({
    databaseUrl: env().DATABASE_URL,
    staleAfterMs: env().SLUICE_WORKER_STALE_MS,
    heartbeatMs: env().SLUICE_WORKER_HEARTBEAT_MS,
    scheduled: [refreshSources],
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // A graceful stop lets a running deploy finish; a kill leaves it to the next worker's recovery.
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => {
  console.error(`[sluice worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
