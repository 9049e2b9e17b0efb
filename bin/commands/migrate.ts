import { Command, CommanderError, Option } from "commander";
import {
  deployMigrations,
  EngineError,
  migrationStatus,
  planMigrations,
  readMigrationsDir,
  redactUrl,
  rehearseMigrations,
  resolveMigration,
  rollbackMigration,
  detectDrift,
  type DeployReport,
  type EngineErrorCode,
  type EngineEvent,
} from "../../lib/engine";

/** Exit codes, documented in docs/engine.md: CI pipelines branch on them. */
export const EXIT = {
  OK: 0,
  MIGRATION_FAILED: 1,
  BAD_INPUT: 2,
  LOCK_NOT_GRANTED: 3,
  DRIFT: 4,
  PENDING: 5,
  UNREACHABLE: 6,
  FAILED_MIGRATION_PRESENT: 7,
  CANCELLED: 8,
  INTERNAL: 10,
} as const;

const EXIT_BY_CODE: Record<EngineErrorCode, number> = {
  MIGRATION_FAILED: EXIT.MIGRATION_FAILED,
  VERIFY_FAILED: EXIT.MIGRATION_FAILED,
  LOCK_NOT_GRANTED: EXIT.LOCK_NOT_GRANTED,
  ADVISORY_LOCK_TIMEOUT: EXIT.LOCK_NOT_GRANTED,
  FAILED_MIGRATION_PRESENT: EXIT.FAILED_MIGRATION_PRESENT,
  MODIFIED_AFTER_APPLY: EXIT.DRIFT,
  SCHEMA_NOT_EMPTY: EXIT.DRIFT,
  UNREACHABLE: EXIT.UNREACHABLE,
  CANCELLED: EXIT.CANCELLED,
  BAD_INPUT: EXIT.BAD_INPUT,
  NO_DOWN_SCRIPT: EXIT.BAD_INPUT,
  NOT_LAST_APPLIED: EXIT.BAD_INPUT,
  ALREADY_APPLIED: EXIT.BAD_INPUT,
  NOT_APPLIED: EXIT.BAD_INPUT,
  NOT_FAILED: EXIT.BAD_INPUT,
  NOT_FOUND: EXIT.BAD_INPUT,
};

type CommonOptions = { dir: string; url?: string; json?: boolean };
type RunOptions = CommonOptions & { lockTimeout: string; statementTimeout: string; lockWait: string; retries: string };

export function registerMigrateCommands(program: Command) {
  const migrate = program
    .command("migrate")
    .description("Prisma-compatible migrations (deploy, status, resolve, down, rehearse, drift, plan)")
    // Usage mistakes exit with BAD_INPUT like every other input problem, not commander's 1 (= failed migration).
    .exitOverride((error: CommanderError) => {
      process.exit(error.exitCode === 0 ? EXIT.OK : EXIT.BAD_INPUT);
    });

  withTimeouts(common(migrate.command("deploy").description("Apply pending migrations in order (like prisma migrate deploy)")))
    .option("--strict", "refuse to deploy when an applied migration was modified since")
    .action((opts: RunOptions & { strict?: boolean }) => run(opts, () => deploy(opts)));

  common(migrate.command("status").description("State of every migration in the target database (exit 5 when not up to date)")).action((opts: CommonOptions) =>
    run(opts, async () => {
      const status = await migrationStatus({ url: urlOf(opts), migrations: await readMigrationsDir(opts.dir) });
      emit(opts, status, () => {
        for (const m of status.migrations) {
          const when = m.row?.finished_at ?? m.row?.started_at;
          console.log(`${STATE_LABEL[m.state].padEnd(10)} ${m.name}${when ? `  (${when.toISOString()})` : ""}`);
        }
        console.log(status.upToDate ? "Database is up to date." : `${status.pending.length} pending, ${status.failed.length} failed.`);
      });
      if (status.failed.length) return EXIT.FAILED_MIGRATION_PRESENT;
      if (status.modified.length || status.unknown.length) return EXIT.DRIFT;
      return status.upToDate ? EXIT.OK : EXIT.PENDING;
    }),
  );

  common(migrate.command("resolve").description("Record a failed migration as rolled back or applied (like prisma migrate resolve)"))
    .option("--applied <name>", "mark as applied (also baselines an existing database)")
    .option("--rolled-back <name>", "mark a failed migration as rolled back")
    .action((opts: CommonOptions & { applied?: string; rolledBack?: string }) =>
      run(opts, async () => {
        if (Boolean(opts.applied) === Boolean(opts.rolledBack)) throw new EngineError("BAD_INPUT", "Give exactly one of --applied NAME or --rolled-back NAME.");
        const name = (opts.applied ?? opts.rolledBack)!;
        const as = opts.applied ? "applied" : "rolled-back";
        await resolveMigration({ url: urlOf(opts), migrations: await readMigrationsDir(opts.dir), name, as });
        emit(opts, { resolved: name, as }, () => console.log(`Migration ${name} marked as ${as}.`));
        return EXIT.OK;
      }),
    );

  withTimeouts(common(migrate.command("down").description("Roll back the last applied migration with its down.sql")))
    .argument("[name]", "migration to roll back (default: the last applied one)")
    .action((name: string | undefined, opts: RunOptions) =>
      run(opts, async () => {
        const migrations = await readMigrationsDir(opts.dir);
        const target = name ?? (await lastApplied(urlOf(opts), migrations));
        const result = await rollbackMigration({ ...timeouts(opts), url: urlOf(opts), migrations, name: target, onEvent: progress(opts) });
        emit(opts, result, () => console.log(`Rolled back ${result.name} in ${result.durationMs} ms.`));
        return EXIT.OK;
      }),
    );

  common(migrate.command("plan").description("Dry run: which migrations deploy would apply, in which order, with which locks")).action((opts: CommonOptions) =>
    run(opts, async () => {
      const plan = await planMigrations({ url: urlOf(opts), migrations: await readMigrationsDir(opts.dir) });
      emit(opts, { ...plan, status: undefined }, () => {
        for (const b of plan.blockers) console.log(`BLOCKED  ${b}`);
        for (const w of plan.warnings) console.log(`warning  ${w}`);
        for (const m of plan.migrations) console.log(`${String(m.order).padStart(3)}. ${m.name}  [${m.strongestLock}]${m.hasDownSql ? "" : "  (no down.sql)"}`);
        if (!plan.migrations.length && !plan.blockers.length) console.log("Nothing to apply.");
      });
      if (plan.blockers.length) return EXIT.FAILED_MIGRATION_PRESENT;
      return plan.migrations.length ? EXIT.PENDING : EXIT.OK;
    }),
  );

  common(migrate.command("rehearse").description("Apply all migrations to a throwaway database, proving each down.sql restores the schema (up → down → up)"))
    .option("--server <url>", "server to create the throwaway database on (default: the --url server)")
    .action((opts: CommonOptions & { server?: string }) =>
      run(opts, async () => {
        const report = await rehearseMigrations({ serverUrl: opts.server ?? urlOf(opts), migrations: await readMigrationsDir(opts.dir), onEvent: progress(opts) });
        emit(opts, report, () => {
          for (const step of report.steps) console.log(`${step.ok ? "ok  " : "FAIL"} ${step.migration}  ${step.message}`);
          console.log(report.ok ? "Rehearsal passed." : `Rehearsal failed: ${report.failure}`);
        });
        return report.ok ? EXIT.OK : EXIT.MIGRATION_FAILED;
      }),
    );

  common(migrate.command("drift").description("Compare the live schema with what the applied migrations produce (exit 4 on drift)"))
    .option("--server <url>", "server for the throwaway replay database (default: the --url server)")
    .action((opts: CommonOptions & { server?: string }) =>
      run(opts, async () => {
        const report = await detectDrift({ url: urlOf(opts), serverUrl: opts.server, migrations: await readMigrationsDir(opts.dir) });
        emit(opts, report, () => {
          if (!report.differences.length) console.log(`No drift: the live schema matches ${report.replayed.length} applied migration(s).`);
          for (const d of report.differences) console.log(`drift  ${d}`);
        });
        return report.differences.length ? EXIT.DRIFT : EXIT.OK;
      }),
    );
}

function common(command: Command): Command {
  return command
    .option("--dir <path>", "Prisma migrations directory", "prisma/migrations")
    .option("--url <url>", "target database URL (default: $DATABASE_URL)")
    .option("--json", "print one JSON document instead of text");
}

function withTimeouts(command: Command): Command {
  return command
    .addOption(new Option("--lock-timeout <ms>", "lock_timeout for each migration (0 = none)").default("2000"))
    .addOption(new Option("--statement-timeout <ms>", "statement_timeout for each migration (0 = none)").default("0"))
    .addOption(new Option("--lock-wait <ms>", "how long to wait for another deploy's advisory lock").default("10000"))
    .addOption(new Option("--retries <n>", "retries of a migration refused by lock_timeout").default("3"));
}

function timeouts(opts: RunOptions) {
  const number = (value: string, flag: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new EngineError("BAD_INPUT", `${flag} must be a non-negative number, got "${value}"`);
    return n;
  };
  return {
    lockTimeoutMs: number(opts.lockTimeout, "--lock-timeout"),
    statementTimeoutMs: number(opts.statementTimeout, "--statement-timeout"),
    advisoryLockWaitMs: number(opts.lockWait, "--lock-wait"),
    maxLockRetries: number(opts.retries, "--retries"),
  };
}

function urlOf(opts: CommonOptions): string {
  const url = opts.url ?? process.env.DATABASE_URL;
  if (!url) throw new EngineError("BAD_INPUT", "No database: pass --url or set DATABASE_URL.");
  return url;
}

async function deploy(opts: RunOptions & { strict?: boolean }): Promise<number> {
  const url = urlOf(opts);
  const migrations = await readMigrationsDir(opts.dir);
  const controller = new AbortController();
  // First Ctrl-C stops at a safe point (cancels the running statement); the engine reports the state.
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  try {
    if (!opts.json) console.log(`Deploying ${migrations.length} migration(s) from ${opts.dir} to ${redactUrl(url)}`);
    const report = await deployMigrations({ ...timeouts(opts), url, migrations, refuseModified: opts.strict, signal: controller.signal, onEvent: progress(opts) });
    emit(opts, report, () => printDeploy(report));
    if (report.ok) return EXIT.OK;
    return EXIT_BY_CODE[report.failure?.code ?? "CANCELLED"];
  } finally {
    process.off("SIGINT", onSigint);
  }
}

function printDeploy(report: DeployReport) {
  for (const m of report.modified) console.log(`warning  ${m.name} was modified after it was applied (not re-run)`);
  for (const name of report.unknown) console.log(`warning  ${name} is applied in the database but missing from the source`);
  if (report.failure) {
    const f = report.failure;
    console.error(`\n${f.message}`);
    if (f.error?.context) for (const l of f.error.context) console.error(`${String(l.line).padStart(5)} | ${l.text}`);
    if (report.notRun.length) console.error(`Not run: ${report.notRun.join(", ")}`);
    return;
  }
  if (report.outcome === "cancelled") console.error(`Cancelled; not run: ${report.notRun.join(", ")}`);
  else if (report.applied.length) console.log(`Applied ${report.applied.length} migration(s) in ${report.durationMs} ms (${report.alreadyApplied.length} already applied).`);
  else console.log(`Database is up to date (${report.alreadyApplied.length} applied).`);
}

function progress(opts: CommonOptions) {
  if (opts.json) return undefined;
  return (e: EngineEvent) => {
    if (e.type === "migration-applied") console.log(`  ✓ ${e.migration}  (${e.durationMs} ms)`);
    else if (e.type === "migration-failed") console.log(`  ✗ ${e.migration}`);
    else if (e.type === "lock-timeout-retry" || e.type === "log") console.log(`  … ${e.message}`);
  };
}

async function lastApplied(url: string, migrations: Awaited<ReturnType<typeof readMigrationsDir>>): Promise<string> {
  const status = await migrationStatus({ url, migrations });
  const applied = status.migrations
    .filter((m) => m.row && m.row.finished_at && m.row.rolled_back_at === null)
    .sort((a, b) => a.row!.started_at.getTime() - b.row!.started_at.getTime());
  if (!applied.length) throw new EngineError("NOT_APPLIED", "No applied migration to roll back.");
  return applied[applied.length - 1].name;
}

const STATE_LABEL = { applied: "applied", pending: "pending", failed: "FAILED", rolled_back: "rolled back", modified: "MODIFIED", unknown: "UNKNOWN" } as const;

function emit(opts: CommonOptions, value: unknown, human: () => void) {
  if (opts.json) console.log(JSON.stringify(value, null, 2));
  else human();
}

/** Runs a subcommand and maps its outcome to a documented exit code; errors never show a stack or a password. */
async function run(opts: CommonOptions, body: () => Promise<number>): Promise<void> {
  let code: number;
  try {
    code = await body();
  } catch (error) {
    if (!(error instanceof EngineError)) {
      console.error(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT.INTERNAL;
      return;
    }
    code = EXIT_BY_CODE[error.code];
    if (opts.json) console.log(JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } }, null, 2));
    else console.error(`${error.code}: ${error.message}`);
  }
  process.exitCode = code;
}
