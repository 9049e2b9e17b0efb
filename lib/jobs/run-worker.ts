/**
 * `tsx lib/jobs/run-worker.ts`: one deploy worker process. scripts/start.ts starts it beside
 * the web server; more of them, anywhere that reaches the control plane's database, scale out.
 */
import { env } from "@/lib/env";
import { startWorker } from "./worker";

async function main() {
  const worker = await startWorker({
    databaseUrl: env().DATABASE_URL,
    staleAfterMs: env().SLUICE_WORKER_STALE_MS,
    heartbeatMs: env().SLUICE_WORKER_HEARTBEAT_MS,
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
