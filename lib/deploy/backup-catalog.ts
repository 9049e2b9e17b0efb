import type pg from "pg";
import { quoteIdent } from "@/lib/engine/sql-text";

export type BackupColumn = {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  /** "a" (ALWAYS) or "d" (BY DEFAULT) for identity columns. */
  identity: "a" | "d" | null;
  /** Expression of a stored generated column: never copied, recomputed on restore. */
  generated: string | null;
};
export type BackupConstraint = { name: string; type: string; definition: string };
export type BackupIndex = { name: string; definition: string };
export type BackupSequence = { name: string; column: string; type: string; lastValue: string; isCalled: boolean; identity: boolean };

/** A table as the catalog described it when the backup was taken: enough to recreate it. */
export type TableDefinition = {
  schema: string;
  name: string;
  columns: BackupColumn[];
  constraints: BackupConstraint[];
  /** Indexes that do not back a constraint (those come back with their constraint). */
  indexes: BackupIndex[];
  /** Sequences owned by its columns (serial and identity), with their position. */
  sequences: BackupSequence[];
};

export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** Reads one table's definition; null when it does not exist. */
export async function readTableDefinition(client: pg.Client, schema: string, name: string): Promise<TableDefinition | null> {
  const rel = await client.query<{ oid: number }>(
    `SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')`,
    [schema, name],
  );
  const oid = rel.rows[0]?.oid;
  if (!oid) return null;
  const columns = await client.query<{ name: string; type: string; not_null: boolean; default: string | null; identity: string; generated: string }>(
    `SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default, a.attidentity::text AS identity, a.attgenerated::text AS generated
       FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [oid],
  );
  const constraints = await client.query<BackupConstraint>(
    `SELECT conname AS name, contype::text AS type, pg_catalog.pg_get_constraintdef(oid) AS definition
       FROM pg_catalog.pg_constraint WHERE conrelid = $1 AND contype IN ('p', 'u', 'c', 'f', 'x') ORDER BY conname`,
    [oid],
  );
  const indexes = await client.query<BackupIndex>(
    `SELECT i.relname AS name, pg_catalog.pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = $1 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = x.indexrelid AND con.conrelid = $1)
      ORDER BY i.relname`,
    [oid],
  );
  const sequences: BackupSequence[] = [];
  for (const c of columns.rows) {
    const seq = await client.query<{ seq: string | null }>(`SELECT pg_catalog.pg_get_serial_sequence($1, $2) AS seq`, [qualified(schema, name), c.name]);
    const seqName = seq.rows[0]?.seq;
    if (!seqName) continue;
    const state = await client.query<{ last_value: string; is_called: boolean; type: string }>(
      `SELECT s.last_value::text AS last_value, s.is_called, pg_catalog.format_type(q.seqtypid, NULL) AS type FROM ${seqName} s, pg_catalog.pg_sequence q WHERE q.seqrelid = $1::regclass`,
      [seqName],
    );
    const row = state.rows[0];
    sequences.push({ name: seqName, column: c.name, type: row.type, lastValue: row.last_value, isCalled: row.is_called, identity: c.identity !== "" });
  }
  return {
    schema,
    name,
    columns: columns.rows.map((c) => ({
      name: c.name,
      type: c.type,
      notNull: c.not_null,
      default: c.generated ? null : c.default,
      identity: c.identity === "a" || c.identity === "d" ? c.identity : null,
      generated: c.generated ? c.default : null,
    })),
    constraints: constraints.rows,
    indexes: indexes.rows,
    sequences,
  };
}

export function columnDefinition(c: BackupColumn): string {
  const parts = [quoteIdent(c.name), c.type];
  if (c.generated) parts.push(`GENERATED ALWAYS AS (${c.generated}) STORED`);
  else if (c.identity) parts.push(`GENERATED ${c.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`);
  else if (c.default !== null) parts.push(`DEFAULT ${c.default}`);
  if (c.notNull) parts.push("NOT NULL");
  return parts.join(" ");
}

/** CREATE TABLE plus its constraints and indexes, for people reading the backup. */
export function tableDdl(t: TableDefinition): string {
  const table = qualified(t.schema, t.name);
  return [
    `CREATE TABLE ${table} (\n  ${t.columns.map(columnDefinition).join(",\n  ")}\n);`,
    ...t.constraints.map((c) => `ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition};`),
    ...t.indexes.map((i) => `${i.definition};`),
  ].join("\n");
}
