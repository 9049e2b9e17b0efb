import { randomUUID } from "node:crypto";
import { acquireAdvisoryLock, releaseAdvisoryLock } from "./advisory-lock";
import { openSession } from "./connection";
import { EngineError } from "./errors";
import { bookkeeping, ensureHistoryTable, readHistory } from "./history-table";
import type { MigrationFile } from "./types";

export type ResolveOptions = { url: string; migrations: MigrationFile[]; name: string; as: "applied" | "rolled-back"; advisoryLockWaitMs?: number; applicationName?: string };

/**
 * `prisma migrate resolve`, rule for rule:
 * --applied: the migration must exist in the source (P3017) and not already be applied (P3008);
 *   failed rows for it are marked rolled back and a finished row is inserted (also how an
 *   existing database is baselined, so the history table is created if needed).
 * --rolled-back: the migration must have rows (P3011) and one of them must be failed (P3012);
 *   those get rolled_back_at, so the next deploy applies the migration again.
 */
export async function resolveMigration(opts: ResolveOptions): Promise<void> {
  if (opts.as !== "applied" && opts.as !== "rolled-back") throw new EngineError("BAD_INPUT", `resolve --as must be "applied" or "rolled-back", got "${String(opts.as)}"`);
  const migration = opts.migrations.find((m) => m.name === opts.name);
  if (opts.as === "applied" && !migration) {
    throw new EngineError(
      "NOT_FOUND",
      `The migration ${opts.name} could not be found. Make sure it exists in the migrations directory and that you gave the whole folder name (e.g. "20201207184859_initial_migration").`,
      { name: opts.name },
    );
  }
  const session = await openSession(opts.url, opts.applicationName ?? "sluice");
  try {
    await acquireAdvisoryLock(session, opts.advisoryLockWaitMs ?? 10_000);
    try {
      const rows = opts.as === "applied" ? await ensureHistoryTable(session, { baseline: true }) : ((await readHistory(session)) ?? []);
      const own = rows.filter((row) => row.migration_name === opts.name);
      const failed = own.filter((row) => row.finished_at === null && row.rolled_back_at === null);
      const table = session.historyTable;
      if (opts.as === "applied") {
        if (own.some((row) => row.finished_at !== null && row.rolled_back_at === null)) {
          throw new EngineError("ALREADY_APPLIED", `The migration ${opts.name} is already recorded as applied in the database.`, { name: opts.name });
        }
        const statements = [...failed.map((row) => bookkeeping.rollBack(table, row.id)), bookkeeping.markApplied(table, randomUUID(), opts.name, migration!.checksum)];
        await session.client.query(`BEGIN;\n${statements.join(";\n")};\nCOMMIT`);
        return;
      }
      if (!own.length) {
        throw new EngineError(
          "NOT_APPLIED",
          `Migration ${opts.name} cannot be rolled back because it was never applied to the database. Did you pass the whole migration name?`,
          { name: opts.name },
        );
      }
      if (!failed.length) {
        throw new EngineError("NOT_FAILED", `Migration ${opts.name} cannot be rolled back because it is not in a failed state.`, { name: opts.name });
      }
      await session.client.query(`BEGIN;\n${failed.map((row) => bookkeeping.rollBack(table, row.id)).join(";\n")};\nCOMMIT`);
    } finally {
      await releaseAdvisoryLock(session).catch(() => undefined);
    }
  } finally {
    await session.close();
  }
}
