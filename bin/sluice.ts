import { Command } from "commander";
import { registerMigrateCommands } from "./commands/migrate";
import { registerLintCommand } from "./commands/lint";

const program = new Command("sluice")
  .description("Sluice: safe PostgreSQL migrations for Prisma teams")
  .showHelpAfterError();

registerMigrateCommands(program);
registerLintCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
