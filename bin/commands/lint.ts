import { existsSync } from "node:fs";
import { Option, type Command } from "commander";
import { formatReports, OUTPUT_FORMATS, type OutputFormat } from "../../lib/lint/format";
import { lintFiles, loadTargetStats, SEVERITIES, type Severity } from "../../lib/lint";
import { findingsAtOrAbove } from "../../lib/lint/severity";

const DEFAULT_CONFIG = "sluice.config.json";

type LintOptions = { url?: string; format: OutputFormat; failOn: Severity; config?: string };

export function registerLintCommand(program: Command) {
  program
    .command("lint")
    .description("Lint migration SQL for locking, compatibility and multi-tenant hazards")
    .argument("<paths...>", ".sql files, Prisma migration directories, or directories of them")
    .option("--url <url>", "target database: sizes findings by its table statistics")
    .addOption(new Option("--format <format>", "output format").choices(OUTPUT_FORMATS).default("text"))
    .addOption(new Option("--fail-on <severity>", "exit 1 when a finding is at or above this severity").choices(SEVERITIES).default("high"))
    .option("--config <path>", `lint configuration (default: ./${DEFAULT_CONFIG} when present)`)
    .action(async (paths: string[], options: LintOptions) => {
      const configPath = options.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
      // Only the tables the migrations mention: a target with thousands of tables answers quickly.
      const url = options.url;
      const targetStats = url ? (tableNames: string[]) => loadTargetStats(url, tableNames) : undefined;
      const { files } = await lintFiles(paths, { configPath, targetStats });
      process.stdout.write(formatReports(files, options.format));
      const failing = files.some((f) => f.report.parseError || f.report.readError) || findingsAtOrAbove(files.flatMap((f) => f.report.findings), options.failOn).length > 0;
      process.exitCode = failing ? 1 : 0;
    });
}
