import { checksumMatches } from "./checksum";
import type { HistoryRow, MigrationFile } from "./types";

export type MigrationState = "applied" | "pending" | "failed" | "rolled_back" | "modified" | "unknown";

export type MigrationStateEntry = {
  name: string;
  state: MigrationState;
  inSource: boolean;
  /** Checksum of the source file; null for migrations missing from the source. */
  checksum: string | null;
  /** The history row that decides the state (null when never started here). */
  row: HistoryRow | null;
  /** Every row for this name, oldest first (a migration rolled back and re-applied has several). */
  rows: HistoryRow[];
};

/**
 * Source against history, by Prisma's rules: a row not rolled back counts as applied (or
 * failed while unfinished); a migration whose only rows were rolled back is due again.
 * Checksums are compared with Prisma's line-ending tolerance and never used to guess renames.
 */
export function compareHistory(migrations: MigrationFile[], rows: HistoryRow[]): MigrationStateEntry[] {
  const rowsByName = new Map<string, HistoryRow[]>();
  for (const row of rows) rowsByName.set(row.migration_name, [...(rowsByName.get(row.migration_name) ?? []), row]);

  const entries: MigrationStateEntry[] = migrations.map((migration) => {
    const own = rowsByName.get(migration.name) ?? [];
    const decided = decide(own);
    let state = decided.state;
    if (state === "applied" && decided.row && !checksumMatches(migration.sql, decided.row.checksum)) state = "modified";
    return { name: migration.name, state, inSource: true, checksum: migration.checksum, row: decided.row, rows: own };
  });

  const inSource = new Set(migrations.map((m) => m.name));
  for (const [name, own] of rowsByName) {
    if (inSource.has(name)) continue;
    const decided = decide(own);
    if (decided.state === "rolled_back") continue;
    entries.push({ name, state: decided.state === "failed" ? "failed" : "unknown", inSource: false, checksum: null, row: decided.row, rows: own });
  }
  return entries;
}

function decide(rows: HistoryRow[]): { state: MigrationState; row: HistoryRow | null } {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) return { state: "failed", row: failed };
  if (live.length) return { state: "applied", row: live[live.length - 1] };
  if (rows.length) return { state: "rolled_back", row: rows[rows.length - 1] };
  return { state: "pending", row: null };
}
