import { randomUUID } from "node:crypto";
import { acquireAdvisoryLock, releaseAdvisoryLock, sleep } from "./advisory-lock";
import { openSession, type Session } from "./connection";
import { describeDatabaseError, prismaFailureLogs } from "./error-logs";
import { EngineError, type EngineErrorCode } from "./errors";
import { eventEmitter } from "./events";
import { compareHistory } from "./history-diff";
import { bookkeeping, ensureHistoryTable, failedRows } from "./history-table";
import { endAbortedTransaction, runScript, sessionSettingsSql } from "./run-script";
import { runsAsSingleTransaction, scriptShape } from "./script-shape";
import type { DatabaseErrorInfo, EngineConnection, HistoryRow, MigrationFile } from "./types";
import { redactUrl } from "./url";
import { assertValidMigrations } from "./validate";
import { runDownScript } from "./rollback";
import { runVerify, type VerifyProblem } from "./verify";

export type AppliedMigration = {
  name: string;
  checksum: string;
  /** Wall time of the script itself. */
  durationMs: number;
  /** Attempts refused with lock_timeout before this one succeeded. */
  lockRetries: number;
};

export type DeployFailure = {
  code: Extract<EngineErrorCode, "MIGRATION_FAILED" | "LOCK_NOT_GRANTED" | "CANCELLED" | "VERIFY_FAILED">;
  migration: string;
  message: string;
  error: DatabaseErrorInfo | null;
  /** What `_prisma_migrations.logs` now holds for it (null when the row was removed). */
  logs: string | null;
  /**
   * How the history records it now: "failed" (row left unfinished: resolve before deploying
   * again), "pending" (nothing of it committed, its row was removed: deploy again later), or,
   * after a failed verify.sql, "applied" or "rolled_back" (its down.sql ran).
   */
  recordedAs: "failed" | "pending" | "applied" | "rolled_back";
  /** verify.sql's complaint, when that is what failed. */
  verify?: VerifyProblem;
  /** Whether part of the script may have committed (own COMMIT, CONCURRENTLY…). */
  partial: boolean;
  lockRetries: number;
};

export type DeployReport = {
  ok: boolean;
  outcome: "applied" | "up-to-date" | "failed" | "cancelled";
  database: string;
  schema: string;
  /** Applied by this run, in order. */
  applied: AppliedMigration[];
  /** Already applied before this run. */
  alreadyApplied: string[];
  failure: DeployFailure | null;
  /** Pending migrations this run did not start (after a failure or a cancel). */
  notRun: string[];
  /** Applied migrations whose file changed since (checksum mismatch); reported, never re-run. */
  modified: { name: string; appliedChecksum: string; sourceChecksum: string }[];
  /** Applied here but missing from the source. */
  unknown: string[];
  durationMs: number;
};

export type DeployOptions = EngineConnection & {
  migrations: MigrationFile[];
  /** Refuse to deploy when an applied migration's file changed (Prisma only warns in `migrate dev`). */
  refuseModified?: boolean;
  /** Run each migration's verify.sql after it applies. Default true. */
  verify?: boolean;
  /** When verify.sql fails, run the migration's down.sql and record it rolled back. Default false. */
  rollbackOnVerifyFailure?: boolean;
  /** First backoff after a lock_timeout; doubled on each retry. Default 1000. */
  lockRetryDelayMs?: number;
};

/**
 * `prisma migrate deploy`, with Sluice's production guards. Conditions that prevent a start
 * (unreachable, lock held elsewhere, failed migration present, bad input) throw EngineError;
 * what happens once migrations run (success, a failed script, a cancel) comes back as a report.
 */
export async function deployMigrations(opts: DeployOptions): Promise<DeployReport> {
  assertValidMigrations(opts.migrations);
  const started = performance.now();
  const emit = eventEmitter(opts.onEvent);
  if (opts.signal?.aborted) throw new EngineError("CANCELLED", "Cancelled before start; nothing was applied.");

  const session = await openSession(opts.url, opts.applicationName ?? "sluice");
  try {
    await acquireAdvisoryLock(session, opts.advisoryLockWaitMs ?? 10_000, opts.signal);
    emit("lock-acquired", `Acquired the migration advisory lock on ${redactUrl(opts.url)}`);
    try {
      const rows = await ensureHistoryTable(session);
      refuseFailedMigrations(rows);
      const entries = compareHistory(opts.migrations, rows);
      const modified = entries
        .filter((e) => e.state === "modified")
        .map((e) => ({ name: e.name, appliedChecksum: e.row!.checksum, sourceChecksum: e.checksum! }));
      if (opts.refuseModified && modified.length) {
        throw new EngineError("MODIFIED_AFTER_APPLY", `Applied migrations were modified since: ${modified.map((m) => m.name).join(", ")}`, { modified });
      }
      for (const m of modified) emit("log", `Warning: ${m.name} was modified after it was applied (checksum differs); it is not re-run.`, { migration: m.name });

      const report: DeployReport = {
        ok: true,
        outcome: "up-to-date",
        database: session.target.database,
        schema: session.target.schema,
        applied: [],
        alreadyApplied: entries.filter((e) => e.inSource && (e.state === "applied" || e.state === "modified")).map((e) => e.name),
        failure: null,
        notRun: [],
        modified,
        unknown: entries.filter((e) => e.state === "unknown").map((e) => e.name),
        durationMs: 0,
      };
      const due = new Set(entries.filter((e) => e.state === "pending" || e.state === "rolled_back").map((e) => e.name));
      await applyInOrder(session, opts, opts.migrations.filter((m) => due.has(m.name)), report, emit);
      report.durationMs = Math.round(performance.now() - started);
      return report;
    } finally {
      await releaseAdvisoryLock(session).catch(() => undefined);
    }
  } finally {
    await session.close();
  }
}

function refuseFailedMigrations(rows: HistoryRow[]): void {
  const failed = failedRows(rows);
  if (!failed.length) return;
  const lines = failed.map((row) => {
    const logs = row.logs?.trim() ? ` with the following logs:\n${row.logs.trim()}` : "";
    return `The \`${row.migration_name}\` migration started at ${row.started_at.toISOString()} failed${logs}`;
  });
  const name = failed[0].migration_name;
  throw new EngineError(
    "FAILED_MIGRATION_PRESENT",
    `Found failed migrations in the target database; new migrations will not be applied (Prisma's P3009).\n${lines.join("\n")}\n` +
      `Find out what the failed migration left behind, then either:\n` +
      `  - it left nothing (or you reverted it): sluice migrate resolve --rolled-back "${name}" and deploy again;\n` +
      `  - you completed its changes by hand:   sluice migrate resolve --applied "${name}".`,
    { failed: failed.map((row) => ({ name: row.migration_name, startedAt: row.started_at, logs: row.logs })) },
  );
}

type Emit = ReturnType<typeof eventEmitter>;

/**
 * The apply loop, on one connection. A history row is inserted before each script (a crash
 * leaves it unfinished = failed, as in Prisma). A script that runs as one implicit transaction
 * gets its "finished" UPDATE appended to the same query, so it is recorded applied exactly when
 * it commits; other scripts (own COMMIT, CONCURRENTLY…) get it right after, as Prisma does.
 * Two round trips per migration: [finish previous; reset timeouts a file may have changed;
 * insert row] and [script (; finish)].
 */
async function applyInOrder(session: Session, opts: DeployOptions, due: MigrationFile[], report: DeployReport, emit: Emit): Promise<void> {
  const table = session.historyTable;
  const settings = sessionSettingsSql(opts.lockTimeoutMs ?? 2000, opts.statementTimeoutMs ?? 0);
  const maxRetries = opts.maxLockRetries ?? 3;
  let unrecorded: { id: string; applied: AppliedMigration } | null = null;

  const recordApplied = (applied: AppliedMigration) => {
    report.applied.push(applied);
    emit("migration-applied", `Applied ${applied.name} in ${applied.durationMs} ms`, { migration: applied.name, durationMs: applied.durationMs });
  };
  // The row insert may commit asynchronously: WAL is flushed in order, so it is durable as soon
  // as anything the script commits is, and losing it in a crash before that loses nothing real.
  // A batch that records a finished migration stays synchronous.
  const sendBatch = async (statements: string[]) => {
    const finishing = unrecorded;
    const batch = finishing ? [bookkeeping.finish(table, finishing.id), ...statements] : statements.length ? ["SET LOCAL synchronous_commit = off", ...statements] : [];
    if (batch.length) await session.client.query(batch.join(";\n"));
    unrecorded = null;
    if (finishing) recordApplied(finishing.applied);
  };

  for (let index = 0; index < due.length; index++) {
    const migration = due[index];
    if (opts.signal?.aborted) {
      await sendBatch([]);
      return stop(report, due.slice(index), null);
    }
    const foldFinish = await runsAsSingleTransaction(migration.sql);
    for (let attempt = 0; ; attempt++) {
      const id = randomUUID();
      await sendBatch([settings, bookkeeping.start(table, id, migration.name, migration.checksum)]);
      emit("migration-start", `Applying ${migration.name}`, { migration: migration.name });
      const t0 = performance.now();
      // "\n;" ends the script's last statement even when the file ends in a -- comment.
      const script = foldFinish ? `${migration.sql}\n;\n${bookkeeping.finish(table, id)}` : migration.sql;
      try {
        await runScript(session, opts.url, script, opts.signal);
        const applied = { name: migration.name, checksum: migration.checksum, durationMs: Math.round(performance.now() - t0), lockRetries: attempt };
        if (foldFinish) recordApplied(applied);
        else unrecorded = { id, applied };
      } catch (error) {
        const outcome = await handleFailure(session, opts, migration, id, error, attempt < maxRetries, attempt);
        if (outcome === "retry") {
          const delay = (opts.lockRetryDelayMs ?? 1000) * 2 ** attempt;
          emit("lock-timeout-retry", `${migration.name}: lock not granted within lock_timeout; nothing was applied, retrying in ${delay} ms (${attempt + 1}/${maxRetries})`, {
            migration: migration.name,
          });
          await sleep(delay, opts.signal);
          if (!opts.signal?.aborted) continue;
          return stop(report, due.slice(index + 1), cancelledBeforeRetry(migration, attempt + 1));
        }
        emit("migration-failed", outcome.message, { migration: migration.name });
        return stop(report, due.slice(index + 1), outcome);
      }
      if (migration.verifySql !== null && opts.verify !== false) {
        const problem = await runVerify(session, migration.name, migration.verifySql);
        if (problem) {
          await sendBatch([]);
          const failure = await afterFailedVerify(session, opts, migration, id, problem, attempt);
          emit("migration-failed", failure.message, { migration: migration.name });
          return stop(report, due.slice(index + 1), failure);
        }
      }
      break;
    }
  }
  await sendBatch([]);
  if (report.applied.length) report.outcome = "applied";
}

/** The migration stays applied (it did apply) unless the caller asked for an automatic rollback. */
async function afterFailedVerify(session: Session, opts: DeployOptions, migration: MigrationFile, id: string, problem: VerifyProblem, attempt: number): Promise<DeployFailure> {
  const base = { code: "VERIFY_FAILED" as const, migration: migration.name, error: problem.error ?? null, logs: null, partial: false, lockRetries: attempt, verify: problem };
  if (!opts.rollbackOnVerifyFailure || migration.downSql === null) {
    const why = opts.rollbackOnVerifyFailure ? " It has no down.sql, so it was not rolled back." : "";
    return { ...base, recordedAs: "applied", message: `${problem.message}. ${migration.name} is applied.${why}` };
  }
  try {
    await runDownScript(session, opts.url, migration, id, opts.signal);
    return { ...base, recordedAs: "rolled_back", message: `${problem.message}. ${migration.name} was rolled back with its down.sql.` };
  } catch (error) {
    return { ...base, recordedAs: "applied", partial: true, message: `${problem.message}. Rolling it back failed too: ${(error as Error).message}` };
  }
}

function stop(report: DeployReport, notRun: MigrationFile[], failure: DeployFailure | null) {
  report.ok = false;
  report.outcome = failure && failure.code !== "CANCELLED" ? "failed" : "cancelled";
  report.failure = failure;
  report.notRun = notRun.map((m) => m.name);
}

function cancelledBeforeRetry(migration: MigrationFile, lockRetries: number): DeployFailure {
  return {
    code: "CANCELLED",
    migration: migration.name,
    message: `Cancelled while waiting to retry ${migration.name}; it was not applied and is still pending.`,
    error: null,
    logs: null,
    recordedAs: "pending",
    partial: false,
    lockRetries,
  };
}

/**
 * Decides what a failed script means. A script that could not have committed anything
 * (one implicit transaction) and was refused a lock or cancelled leaves no trace: its row is
 * removed so the migration is simply pending again. Anything else is recorded as Prisma
 * records it (logs filled, finished_at NULL) and must be resolved by a human.
 */
async function handleFailure(
  session: Session,
  opts: DeployOptions,
  migration: MigrationFile,
  id: string,
  error: unknown,
  mayRetry: boolean,
  attempt: number,
): Promise<"retry" | DeployFailure> {
  const table = session.historyTable;
  const info = describeDatabaseError(error, migration.sql);
  const connectionAlive = info.sqlstate !== null && (await endAbortedTransaction(session));
  if (!connectionAlive) {
    return {
      code: "MIGRATION_FAILED",
      migration: migration.name,
      message: `Lost the connection while applying ${migration.name} (${info.message}). Its row stays unfinished (failed); check what it did before resolving it.`,
      error: info,
      logs: null,
      recordedAs: "failed",
      partial: true,
      lockRetries: attempt,
    };
  }

  const shape = await scriptShape(migration.sql);
  const cancelled = info.sqlstate === "57014" && opts.signal?.aborted === true;
  const lockRefused = info.sqlstate === "55P03";
  if (shape.atomic && (cancelled || lockRefused)) {
    await session.client.query(bookkeeping.forget(table, id));
    if (lockRefused && mayRetry && !opts.signal?.aborted) return "retry";
    return {
      code: cancelled ? "CANCELLED" : "LOCK_NOT_GRANTED",
      migration: migration.name,
      message: cancelled
        ? `Cancelled while applying ${migration.name}; it was rolled back entirely and is still pending.`
        : `${migration.name} could not get its locks within lock_timeout after ${attempt + 1} attempt(s); it was rolled back entirely and is still pending. ` +
          `Find the long transaction holding the lock (pg_stat_activity) and deploy again.`,
      error: info,
      logs: null,
      recordedAs: "pending",
      partial: false,
      lockRetries: attempt,
    };
  }

  const logs = prismaFailureLogs(migration.name, error, migration.sql);
  await session.client.query(bookkeeping.fail(table, id, logs));
  const code = cancelled ? "CANCELLED" : lockRefused ? "LOCK_NOT_GRANTED" : "MIGRATION_FAILED";
  const where = info.line ? ` at line ${info.line}` : "";
  return {
    code,
    migration: migration.name,
    message:
      `Migration ${migration.name} failed${where}: ${info.message}${info.sqlstate ? ` (SQLSTATE ${info.sqlstate})` : ""}. ` +
      (shape.atomic
        ? "The script ran as one transaction, so none of it was applied. "
        : `Part of it may have been applied: ${shape.reason}. `) +
      `It is recorded as failed; fix the cause, then \`sluice migrate resolve --rolled-back "${migration.name}"\` (or --applied if you complete it by hand) and deploy again.`,
    error: info,
    logs,
    recordedAs: "failed",
    partial: !shape.atomic,
    lockRetries: attempt,
  };
}
