import pg from "pg";
import { db } from "@/lib/db";
import { parseDatabaseUrl } from "@/lib/engine";
import { quoteIdent, quoteLiteral } from "@/lib/engine/sql-text";
import { columnDefinition, qualified, readTableDefinition, type TableDefinition } from "./backup-catalog";

export type RestoreReport = {
  tables: { name: string; rows: number; recreated: boolean }[];
  /** What the restore changed in the tables' definitions to match the backup. */
  schemaChanges: string[];
  durationMs: number;
};

/**
 * Puts every table of a deployment's backup back as it was: definition (columns, types,
 * defaults, NOT NULL, constraints, indexes, owned sequences) and rows, in one transaction
 * with a lock timeout, so the target sees either the old tables or the restored ones.
 *
 * Foreign keys from other tables are not checked while the rows are replaced when the role may
 * set session_replication_role (superusers, rds_superuser); otherwise the tables are emptied
 * with one TRUNCATE, which PostgreSQL refuses when a table outside the backup references them.
 * The target's `_prisma_migrations` is left alone: the caller says what history to record.
 */
export async function restoreBackup(opts: { deploymentId: string; url: string; lockTimeoutMs?: number }): Promise<RestoreReport> {
  const started = Date.now();
  const backup = await db().deploymentBackup.findUnique({ where: { deploymentId: opts.deploymentId }, include: { tables: { orderBy: [{ schemaName: "asc" }, { tableName: "asc" }] } } });
  if (!backup) throw new Error("This deployment has no backup.");
  const target = parseDatabaseUrl(opts.url);
  const client = new pg.Client({ ...target.config, application_name: "sluice-restore" });
  client.on("error", () => undefined);
  await client.connect();
  const report: RestoreReport = { tables: [], schemaChanges: [], durationMs: 0 };
  const run = (sql: string, values?: unknown[]) => client.query(sql, values);
  try {
    await run("BEGIN");
    await run(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(opts.lockTimeoutMs ?? 5_000))}`);
    await run("SAVEPOINT replica");
    let replica = true;
    try {
      await run("SET LOCAL session_replication_role = replica");
    } catch {
      replica = false;
      await run("ROLLBACK TO SAVEPOINT replica");
    }

    const wanted = backup.tables.map((t) => t.definition as unknown as TableDefinition);
    const current = new Map<string, TableDefinition | null>();
    for (const t of wanted) current.set(key(t), await readTableDefinition(client, t.schema, t.name));
    const existing = wanted.filter((t) => current.get(key(t)));
    if (existing.length) {
      await run(`LOCK TABLE ${existing.map((t) => qualified(t.schema, t.name)).join(", ")} IN ACCESS EXCLUSIVE MODE`);
      if (replica) for (const t of existing) await run(`DELETE FROM ${qualified(t.schema, t.name)}`);
      else await run(`TRUNCATE ${existing.map((t) => qualified(t.schema, t.name)).join(", ")}`);
    }

    // Shapes first (tables empty now, so type changes rewrite nothing), rows next, constraints last.
    for (const t of wanted) {
      const now = current.get(key(t)) ?? null;
      const table = qualified(t.schema, t.name);
      if (!now) {
        for (const s of t.sequences.filter((s) => !s.identity)) await run(`CREATE SEQUENCE IF NOT EXISTS ${s.name} AS ${s.type}`);
        await run(`CREATE TABLE ${table} (${t.columns.map(columnDefinition).join(", ")})`);
        for (const s of t.sequences.filter((s) => !s.identity)) await run(`ALTER SEQUENCE ${s.name} OWNED BY ${table}.${quoteIdent(s.column)}`);
        report.schemaChanges.push(`recreated table ${t.schema}.${t.name}`);
        continue;
      }
      for (const c of now.constraints.filter((c) => c.type === "f" && !sameConstraint(t, c))) {
        await run(`ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdent(c.name)}`);
        report.schemaChanges.push(`dropped constraint ${c.name} on ${t.name}`);
      }
      for (const c of now.constraints.filter((c) => c.type !== "f" && !sameConstraint(t, c))) {
        await run(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${quoteIdent(c.name)}`);
        report.schemaChanges.push(`dropped constraint ${c.name} on ${t.name}`);
      }
      for (const i of now.indexes.filter((i) => !t.indexes.some((w) => w.name === i.name && w.definition === i.definition))) {
        await run(`DROP INDEX ${qualified(t.schema, i.name)}`);
        report.schemaChanges.push(`dropped index ${i.name}`);
      }
      for (const c of now.columns.filter((c) => !t.columns.some((w) => w.name === c.name))) {
        await run(`ALTER TABLE ${table} DROP COLUMN ${quoteIdent(c.name)}`);
        report.schemaChanges.push(`dropped column ${t.name}.${c.name} (added after the backup)`);
      }
      for (const w of t.columns) {
        const c = now.columns.find((x) => x.name === w.name);
        const column = quoteIdent(w.name);
        if (!c || c.generated !== w.generated || c.identity !== w.identity) {
          if (c) await run(`ALTER TABLE ${table} DROP COLUMN ${column}`);
          await run(`ALTER TABLE ${table} ADD COLUMN ${columnDefinition({ ...w, notNull: false })}`);
          report.schemaChanges.push(`${c ? "redefined" : "recreated"} column ${t.name}.${w.name}`);
          continue;
        }
        if (c.type !== w.type) {
          await run(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE ${w.type} USING NULL`);
          report.schemaChanges.push(`column ${t.name}.${w.name} back to ${w.type} (was ${c.type})`);
        }
        if (!w.generated && !w.identity && c.default !== w.default) {
          await run(w.default === null ? `ALTER TABLE ${table} ALTER COLUMN ${column} DROP DEFAULT` : `ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${w.default}`);
          report.schemaChanges.push(`default of ${t.name}.${w.name} restored`);
        }
      }
    }

    for (const stored of backup.tables) {
      const t = stored.definition as unknown as TableDefinition;
      const table = qualified(t.schema, t.name);
      const columns = t.columns.filter((c) => !c.generated).map((c) => quoteIdent(c.name));
      let rows = 0;
      const chunks = await db().deploymentBackupChunk.findMany({ where: { tableId: stored.id }, orderBy: { position: "asc" }, select: { id: true } });
      for (const { id } of chunks) {
        const chunk = await db().deploymentBackupChunk.findUniqueOrThrow({ where: { id }, select: { rows: true } });
        const inserted = await run(
          `INSERT INTO ${table} (${columns.join(", ")}) OVERRIDING SYSTEM VALUE SELECT ${columns.join(", ")} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
          [chunk.rows],
        );
        rows += inserted.rowCount ?? 0;
      }
      report.tables.push({ name: `${t.schema}.${t.name}`, rows, recreated: !current.get(key(t)) });
    }

    for (const t of wanted) {
      const table = qualified(t.schema, t.name);
      const now = current.get(key(t)) ?? null;
      for (const w of t.columns) {
        const c = now?.columns.find((x) => x.name === w.name);
        if (now && c && c.notNull === w.notNull && c.generated === w.generated && c.identity === w.identity) continue;
        if (w.notNull || c?.notNull) await run(`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(w.name)} ${w.notNull ? "SET" : "DROP"} NOT NULL`);
      }
      const missing = (c: TableDefinition["constraints"][number]) => !now || !now.constraints.some((x) => x.name === c.name && x.definition === c.definition);
      for (const c of t.constraints.filter((c) => c.type !== "f" && missing(c))) await run(`ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
      for (const i of t.indexes.filter((i) => !now || !now.indexes.some((x) => x.name === i.name && x.definition === i.definition))) await run(i.definition);
      if (now) for (const c of t.constraints.filter((c) => missing(c))) report.schemaChanges.push(`constraint ${c.name} on ${t.name} restored`);
    }
    // Foreign keys last: every table they point to is back.
    for (const t of wanted) {
      const now = current.get(key(t)) ?? null;
      for (const c of t.constraints.filter((c) => c.type === "f" && (!now || !now.constraints.some((x) => x.name === c.name && x.definition === c.definition)))) {
        await run(`ALTER TABLE ${qualified(t.schema, t.name)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
      }
      for (const s of t.sequences) {
        await run(`SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(${quoteLiteral(qualified(t.schema, t.name))}, ${quoteLiteral(s.column)}), ${s.lastValue}, ${s.isCalled})`);
      }
    }
    await run("COMMIT");
  } catch (error) {
    await run("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  report.durationMs = Date.now() - started;
  return report;
}

function key(t: { schema: string; name: string }): string {
  return `${t.schema}.${t.name}`;
}

function sameConstraint(wanted: TableDefinition, c: { name: string; definition: string }): boolean {
  return wanted.constraints.some((w) => w.name === c.name && w.definition === c.definition);
}
