import { acquireAdvisoryLock, releaseAdvisoryLock } from "./advisory-lock";
import { openSession, type Session } from "./connection";
import { describeDatabaseError } from "./error-logs";
import { EngineError } from "./errors";
import { eventEmitter } from "./events";
import { bookkeeping, failedRows, readHistory } from "./history-table";
import { endAbortedTransaction, runScript, sessionSettingsSql } from "./run-script";
import { scriptShape } from "./script-shape";
import type { EngineConnection, MigrationFile } from "./types";
import { redactUrl } from "./url";

export type RollbackReport = { name: string; rowId: string; durationMs: number };

/**
 * Runs down.sql of the most recently applied migration and records the row as rolled back,
 * exactly what `prisma migrate resolve --rolled-back` writes (rolled_back_at), so Prisma and
 * Sluice both see the migration as due again. Only the last one: undoing an older migration
 * under newer ones would break what the newer ones built on.
 */
export async function rollbackMigration(opts: EngineConnection & { migrations: MigrationFile[]; name: string }): Promise<RollbackReport> {
  const migration = opts.migrations.find((m) => m.name === opts.name);
  if (!migration) throw new EngineError("NOT_FOUND", `Migration "${opts.name}" is not in the source.`, { name: opts.name });
  if (migration.downSql === null) {
    throw new EngineError("NO_DOWN_SCRIPT", `Migration "${opts.name}" has no down.sql, so Sluice cannot roll it back. Write ${opts.name}/down.sql (the exact inverse of migration.sql) first.`, {
      name: opts.name,
    });
  }
  const emit = eventEmitter(opts.onEvent);
  const session = await openSession(opts.url, opts.applicationName ?? "sluice");
  try {
    await acquireAdvisoryLock(session, opts.advisoryLockWaitMs ?? 10_000, opts.signal);
    emit("lock-acquired", `Acquired the migration advisory lock on ${redactUrl(opts.url)}`);
    try {
      const rows = (await readHistory(session)) ?? [];
      const failed = failedRows(rows);
      if (failed.length) {
        throw new EngineError("FAILED_MIGRATION_PRESENT", `Migration "${failed[0].migration_name}" is failed; resolve it before rolling anything back.`, {
          failed: failed.map((r) => r.migration_name),
        });
      }
      const live = rows.filter((row) => row.rolled_back_at === null && row.finished_at !== null);
      const last = live[live.length - 1];
      if (!last) throw new EngineError("NOT_APPLIED", `No applied migration to roll back in this database.`, { name: opts.name });
      if (last.migration_name !== opts.name) {
        throw new EngineError(
          "NOT_LAST_APPLIED",
          `Only the last applied migration can be rolled back; that is "${last.migration_name}", not "${opts.name}".`,
          { name: opts.name, last: last.migration_name },
        );
      }

      await session.client.query(sessionSettingsSql(opts.lockTimeoutMs ?? 2000, opts.statementTimeoutMs ?? 0));
      emit("migration-start", `Rolling back ${opts.name} (down.sql)`, { migration: opts.name });
      let durationMs: number;
      try {
        durationMs = await runDownScript(session, opts.url, migration, last.id, opts.signal);
      } catch (error) {
        emit("migration-failed", (error as Error).message, { migration: opts.name });
        throw error;
      }
      emit("migration-applied", `Rolled back ${opts.name} in ${durationMs} ms`, { migration: opts.name, durationMs });
      return { name: opts.name, rowId: last.id, durationMs };
    } finally {
      await releaseAdvisoryLock(session).catch(() => undefined);
    }
  } finally {
    await session.close();
  }
}

/**
 * Runs down.sql on a session that already holds the advisory lock and marks the row rolled back.
 * Shared by `rollbackMigration` and deploy's rollback after a failed verify.sql. Returns the script's duration.
 */
export async function runDownScript(session: Session, url: string, migration: MigrationFile, rowId: string, signal?: AbortSignal): Promise<number> {
  const downSql = migration.downSql!;
  const t0 = performance.now();
  try {
    await runScript(session, url, downSql, signal);
  } catch (error) {
    const info = describeDatabaseError(error, downSql);
    await endAbortedTransaction(session);
    const shape = await scriptShape(downSql);
    const code = info.sqlstate === "55P03" ? "LOCK_NOT_GRANTED" : info.sqlstate === "57014" && signal?.aborted ? "CANCELLED" : "MIGRATION_FAILED";
    throw new EngineError(
      code,
      `down.sql of ${migration.name} failed${info.line ? ` at line ${info.line}` : ""}: ${info.message}. ` +
        (shape.atomic ? "It ran as one transaction, so nothing changed; " : `Part of it may have run (${shape.reason}); `) +
        `the migration is still recorded as applied.`,
      { name: migration.name, error: info, partial: !shape.atomic },
    );
  }
  const durationMs = Math.round(performance.now() - t0);
  await session.client.query(bookkeeping.rollBack(session.historyTable, rowId));
  return durationMs;
}
