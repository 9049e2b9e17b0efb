// `sluice lint` alone. bin/sluice.js runs this bundle for the lint command, the one CI jobs and
// pre-commit hooks call on every change, so it starts without loading the migration engine and the
// PostgreSQL driver it does not need (~50 ms of a run). Same program name, command and options
// as bin/sluice.ts, so `sluice lint --help` reads the same either way.
import { Command } from "commander";
import { registerLintCommand } from "./commands/lint";
import { exitQuietlyOnClosedStdout } from "./quiet-epipe";
import { selectBaselineWasmCompiler } from "./wasm-compiler";

selectBaselineWasmCompiler();
exitQuietlyOnClosedStdout();

const program = new Command("sluice").showHelpAfterError();
registerLintCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
