import type { Command } from "commander";

export function registerLintCommand(program: Command) {
  program.command("lint").description("Lint migration SQL for locking, compatibility and multi-tenant hazards");
}
