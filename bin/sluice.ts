import { Command } from "commander";
import { registerMigrateCommands } from "./commands/migrate";
import { registerLintCommand } from "./commands/lint";
import { registerRestoreCommand } from "./commands/restore";
import { registerWorkerCommand } from "./commands/worker";
import { registerProjectCommands } from "./commands/project";
import { registerEnvCommands } from "./commands/env";
import { registerUserCommands } from "./commands/user";
import { registerRequestCommands } from "./commands/request";
import { registerDeployCommand } from "./commands/deploy";
import { registerAdminCommands } from "./commands/admin";
import { exitQuietlyOnClosedStdout } from "./quiet-epipe";
import { selectBaselineWasmCompiler } from "./wasm-compiler";

selectBaselineWasmCompiler();
exitQuietlyOnClosedStdout();

const program = new Command("sluice")
  .description("Sluice: safe PostgreSQL migrations for Prisma teams")
  .showHelpAfterError();

registerMigrateCommands(program);
registerLintCommand(program);
registerRestoreCommand(program);
registerWorkerCommand(program);
registerProjectCommands(program);
registerEnvCommands(program);
registerUserCommands(program);
registerRequestCommands(program);
registerDeployCommand(program);
registerAdminCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
