import { lockHolders, type LockHolder } from "./advisory-lock";
import { openSession } from "./connection";
import { compareHistory, type MigrationState, type MigrationStateEntry } from "./history-diff";
import { readHistory } from "./history-table";
import type { MigrationFile } from "./types";

export type StatusReport = {
  database: string;
  schema: string;
  historyTableExists: boolean;
  /** Source migrations in source order, then those known only to the database. */
  migrations: MigrationStateEntry[];
  counts: Record<MigrationState, number>;
  /** What `deploy` would apply now, in order (pending and rolled back). */
  pending: string[];
  failed: string[];
  modified: string[];
  unknown: string[];
  /** Sessions holding the migration advisory lock: a "failed" row may be a deploy still running. */
  deployInProgress: LockHolder[];
  upToDate: boolean;
};

/** Read-only: never creates the history table or the schema. */
export async function migrationStatus(opts: { url: string; migrations: MigrationFile[]; applicationName?: string }): Promise<StatusReport> {
  const session = await openSession(opts.url, opts.applicationName ?? "sluice-status");
  try {
    const rows = await readHistory(session);
    const entries = compareHistory(opts.migrations, rows ?? []);
    const counts = { applied: 0, pending: 0, failed: 0, rolled_back: 0, modified: 0, unknown: 0 } satisfies Record<MigrationState, number>;
    for (const entry of entries) counts[entry.state]++;
    const named = (...states: MigrationState[]) => entries.filter((e) => states.includes(e.state)).map((e) => e.name);
    return {
      database: session.target.database,
      schema: session.target.schema,
      historyTableExists: rows !== null,
      migrations: entries,
      counts,
      pending: named("pending", "rolled_back").filter((name) => opts.migrations.some((m) => m.name === name)),
      failed: named("failed"),
      modified: named("modified"),
      unknown: named("unknown"),
      deployInProgress: await lockHolders(session),
      upToDate: counts.pending + counts.rolled_back + counts.failed === 0,
    };
  } finally {
    await session.close();
  }
}
