import path from "node:path";
import type { Command } from "commander";
import { applyLocalInstallEnv } from "../../lib/postgres/local-install";

/** `sluice worker`: one more deploy worker; run as many as you like wherever the control plane's database is reachable. */
export function registerWorkerCommand(program: Command) {
  program
    .command("worker")
    .description("Run a deploy worker (takes queued and scheduled deploys from the control plane's queue)")
    .action(async () => {
      applyLocalInstallEnv(path.resolve(__dirname, "../.."));
      await import("../../lib/jobs/run-worker");
    });
}
