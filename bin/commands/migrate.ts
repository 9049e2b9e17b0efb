import type { Command } from "commander";

export function registerMigrateCommands(program: Command) {
  program.command("migrate").description("Prisma-compatible migrations (deploy, status, resolve, down, rehearse, drift, plan)");
}
