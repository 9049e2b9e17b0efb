import type { Command } from "commander";

/** `sluice worker`: one more deploy worker; run as many as you like wherever the control plane's database is reachable. */
export function registerWorkerCommand(program: Command) {
  program
    .command("worker")
    .description("Run a deploy worker (takes queued and scheduled deploys from the control plane's queue)")
    .action(async () => {
      await import("../../lib/jobs/run-worker");
    });
}
