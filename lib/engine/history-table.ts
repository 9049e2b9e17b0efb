import { EngineError } from "./errors";
import type { Session } from "./connection";
import { quoteIdent, quoteLiteral } from "./sql-text";
import type { HistoryRow } from "./types";

/** Prisma's own DDL for the history table, column for column, so either tool can take over. */
function createTableSql(table: string): string {
  return `CREATE TABLE ${table} (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;
}

/** The history, oldest first (Prisma orders by started_at), or null when the table does not exist. */
export async function readHistory(session: Session): Promise<HistoryRow[] | null> {
  const exists = await session.client.query(
    `SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = '_prisma_migrations' AND c.relkind IN ('r', 'p')`,
    [session.target.schema],
  );
  if (exists.rowCount === 0) return null;
  const result = await session.client.query<HistoryRow>(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM ${session.historyTable} ORDER BY started_at ASC`,
  );
  return result.rows;
}

/**
 * Prisma's initialisation: create the schema if missing; create the table only in a schema
 * with no tables, because a populated schema without history needs a baseline (P3005),
 * not a replay of every migration on top of existing objects. `baseline` (resolve --applied)
 * is how such a schema gets its history, so it skips that check, as Prisma's resolve does.
 */
export async function ensureHistoryTable(session: Session, { baseline = false } = {}): Promise<HistoryRow[]> {
  const existing = await readHistory(session);
  if (existing) return existing;
  const { schema } = session.target;
  await session.client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  const tables = await session.client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'spatial_ref_sys'
      ORDER BY c.relname LIMIT 5`,
    [schema],
  );
  if (tables.rowCount && !baseline) {
    throw new EngineError(
      "SCHEMA_NOT_EMPTY",
      `The database schema "${schema}" is not empty (${tables.rows.map((r) => r.relname).join(", ")}…) and has no _prisma_migrations table. ` +
        `Baseline it first: mark the migrations that already exist there with \`sluice migrate resolve --applied NAME\` (Prisma's P3005).`,
      { schema, tables: tables.rows.map((r) => r.relname) },
    );
  }
  await session.client.query(createTableSql(session.historyTable));
  return [];
}

/** Rows Prisma calls failed: started, never finished, never rolled back (P3009). */
export function failedRows(rows: HistoryRow[]): HistoryRow[] {
  return rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
}

// Bookkeeping statements as text so several can share one simple-protocol round trip.
// clock_timestamp(), not now(): statements batched in one implicit transaction must still
// record when each migration really started and finished.
export const bookkeeping = {
  start: (table: string, id: string, name: string, checksum: string) =>
    `INSERT INTO ${table} (id, checksum, started_at, migration_name, applied_steps_count) VALUES (${quoteLiteral(id)}, ${quoteLiteral(checksum)}, clock_timestamp(), ${quoteLiteral(name)}, 0)`,
  finish: (table: string, id: string) =>
    `UPDATE ${table} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = ${quoteLiteral(id)}`,
  fail: (table: string, id: string, logs: string) => `UPDATE ${table} SET logs = ${quoteLiteral(logs)} WHERE id = ${quoteLiteral(id)}`,
  forget: (table: string, id: string) => `DELETE FROM ${table} WHERE id = ${quoteLiteral(id)}`,
  rollBack: (table: string, id: string) => `UPDATE ${table} SET rolled_back_at = clock_timestamp() WHERE id = ${quoteLiteral(id)}`,
  markApplied: (table: string, id: string, name: string, checksum: string) =>
    `INSERT INTO ${table} (id, checksum, logs, started_at, finished_at, migration_name) VALUES (${quoteLiteral(id)}, ${quoteLiteral(checksum)}, '', clock_timestamp(), clock_timestamp(), ${quoteLiteral(name)})`,
};
