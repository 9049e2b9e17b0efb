import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { parseDatabaseUrl, type MigrationFile } from "@/lib/engine";
import { qualified, readTableDefinition, tableDdl, type TableDefinition } from "./backup-catalog";
import { touchedTables } from "./touched-tables";

/** Rows per stored chunk: one INSERT per chunk on restore, a few MB of JSON at most. */
export const BACKUP_CHUNK_ROWS = 5_000;

/** Above this, the backup is refused before anything is copied (the control plane is not a data warehouse). */
export function backupLimitBytes(): number {
  return env().SLUICE_BACKUP_MAX_MB * 1024 * 1024;
}

/** Only production gets a backup (and a rehearsal): copies of dev data are not worth the wait. */
export function isProtectedEnvironment(environment: { name: string }): boolean {
  return environment.name === "prod";
}

export type BackupResult =
  | { ok: true; tables: { name: string; rows: number }[]; bytes: number; notYetExisting: string[]; opaque: number }
  | { ok: false; reason: "too-large" | "failed"; problem: string };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Copies the schema and the rows of every table the migrations change into the control
 * plane, in one consistent snapshot (REPEATABLE READ) of the target. Rows are stored as
 * `to_jsonb(row)`: restore reads them back through `jsonb_populate_recordset`, which parses
 * each value with its column type's own input function, so every type round-trips without
 * pg_dump (which cannot read every server version) or client-side type handling.
 */
export async function backupTouchedTables(opts: { deploymentId: string; url: string; migrations: MigrationFile[]; maxBytes?: number }): Promise<BackupResult> {
  const target = parseDatabaseUrl(opts.url);
  const touched = { tables: new Set<string>(), droppedIndexes: new Set<string>(), opaque: 0 };
  for (const m of opts.migrations) {
    const t = await touchedTables(m.sql, target.schema);
    t.tables.forEach((x) => touched.tables.add(x));
    t.droppedIndexes.forEach((x) => touched.droppedIndexes.add(x));
    touched.opaque += t.opaque;
  }

  const client = new pg.Client({ ...target.config, application_name: "sluice-backup" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const index of touched.droppedIndexes) {
      const [schema, name] = splitName(index);
      const owner = await client.query<{ schema: string; table: string }>(
        `SELECT tn.nspname AS schema, t.relname AS table FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
           JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace JOIN pg_catalog.pg_class t ON t.oid = x.indrelid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
          WHERE n.nspname = $1 AND i.relname = $2`,
        [schema, name],
      );
      for (const o of owner.rows) touched.tables.add(`${o.schema}.${o.table}`);
    }
    const definitions: TableDefinition[] = [];
    const notYetExisting: string[] = [];
    for (const name of [...touched.tables].sort()) {
      const [schema, table] = splitName(name);
      const definition = await readTableDefinition(client, schema, table);
      if (definition) definitions.push(definition);
      else notYetExisting.push(name);
    }

    const limit = opts.maxBytes ?? backupLimitBytes();
    const sizes: { name: string; bytes: number }[] = [];
    for (const d of definitions) {
      const size = await client.query<{ b: string }>(`SELECT pg_catalog.pg_table_size($1::regclass) AS b`, [qualified(d.schema, d.name)]);
      sizes.push({ name: `${d.schema}.${d.name}`, bytes: Number(size.rows[0].b) });
    }
    const estimated = sizes.reduce((sum, s) => sum + s.bytes, 0);
    if (estimated > limit) {
      const list = sizes.sort((a, b) => b.bytes - a.bytes).map((s) => `${s.name} ${mb(s.bytes)}`).join(", ");
      return { ok: false, reason: "too-large", problem: tooLarge(estimated, limit, list) };
    }

    const backup = await db().deploymentBackup.create({ data: { deploymentId: opts.deploymentId, targetSchema: target.schema } });
    let bytes = 0;
    const tables: { name: string; rows: number }[] = [];
    for (const d of definitions) {
      const stored = await db().deploymentBackupTable.create({ data: { backupId: backup.id, schemaName: d.schema, tableName: d.name, definition: d, ddl: tableDdl(d), rowCount: 0 } });
      await client.query(`DECLARE sluice_backup NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${qualified(d.schema, d.name)} t`);
      let rows = 0;
      for (let position = 0; ; position++) {
        const batch = await client.query<{ row: string }>(`FETCH ${BACKUP_CHUNK_ROWS} FROM sluice_backup`);
        if (!batch.rows.length) break;
        const text = `[${batch.rows.map((r) => r.row).join(",")}]`;
        bytes += Buffer.byteLength(text);
        if (bytes > limit) {
          await db().deploymentBackup.delete({ where: { id: backup.id } });
          return { ok: false, reason: "too-large", problem: tooLarge(bytes, limit, `${d.schema}.${d.name} and the tables before it`) };
        }
        await db().deploymentBackupChunk.create({ data: { tableId: stored.id, position, rows: text } });
        rows += batch.rows.length;
      }
      await client.query("CLOSE sluice_backup");
      await db().deploymentBackupTable.update({ where: { id: stored.id }, data: { rowCount: rows } });
      tables.push({ name: `${d.schema}.${d.name}`, rows });
    }
    await client.query("COMMIT");
    await db().deploymentBackup.update({ where: { id: backup.id }, data: { sizeBytes: bytes } });
    return { ok: true, tables, bytes, notYetExisting, opaque: touched.opaque };
  } catch (error) {
    return { ok: false, reason: "failed", problem: `Backup failed: ${(error as Error).message}` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function tooLarge(bytes: number, limit: number, detail: string): string {
  return (
    `Backup refused: the tables this migration changes hold about ${mb(bytes)} (${detail}), above the backup limit of ${mb(limit)} (SLUICE_BACKUP_MAX_MB). ` +
    `Take a storage snapshot of the database (or raise the limit) and deploy again; an admin's break-glass deploy proceeds without a backup.`
  );
}

function splitName(name: string): [string, string] {
  const dot = name.indexOf(".");
  return [name.slice(0, dot), name.slice(dot + 1)];
}
