import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/databases";
import { readRiscuraFolders, runScript, type RiscuraMigrationFolder } from "./riscura";

/** Everything in schema public a migration can create, as sorted comparable lines. */
async function catalog(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(`
    SELECT 'table ' || c.relname || ' rls=' || c.relrowsecurity || ' force=' || c.relforcerowsecurity AS line
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
    UNION ALL
    SELECT 'column ' || c.relname || '.' || a.attname
           || ' #' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)
           || ' ' || format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
           || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'index ' || indexdef || ' valid=' || i.indisvalid
      FROM pg_indexes x JOIN pg_index i ON i.indexrelid = format('%I.%I', x.schemaname, x.indexname)::regclass
     WHERE x.schemaname = 'public'
    UNION ALL
    SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname
    UNION ALL
    SELECT 'policy ' || tablename || ' ' || policyname || ' ' || cmd || ' ' || array_to_string(roles, ',')
           || ' using ' || coalesce(qual, '') || ' check ' || coalesce(with_check, '')
      FROM pg_policies WHERE schemaname = 'public'
  `);
  return rows.map((r) => r.line).sort();
}

describe("Riscura demo migrations", () => {
  let db: TestDatabase;
  let client: pg.Client;
  let folders: RiscuraMigrationFolder[];

  beforeAll(async () => {
    folders = await readRiscuraFolders();
    db = await createTestDatabase("riscura_updown");
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it("has the folders of Riscura's migration plan, each with a down.sql", () => {
    expect(folders.map((f) => f.name)).toEqual([
      "000_init",
      "001_add_rcsa_models",
      "002_add_policy_extraction_models",
      "003_add_document_management",
      "004_add_billing_system",
      "005_add_performance_indexes",
      "006_add_audit_logging",
    ]);
    for (const f of folders) expect(f.down.trim()).not.toBe("");
  });

  it("every down.sql restores exactly the schema its migration started from (up → down → up)", async () => {
    for (const folder of folders) {
      const before = await catalog(client);
      await runScript(client, folder.up);
      const after = await catalog(client);
      expect(after, `${folder.name} changes nothing`).not.toEqual(before);

      await runScript(client, folder.down);
      expect(await catalog(client), `${folder.name}/down.sql`).toEqual(before);

      await runScript(client, folder.up);
      expect(await catalog(client), `${folder.name} re-applied`).toEqual(after);
    }
  });

  it("keeps every tenant table keyed by organizationId, with its performance indexes leading on it", async () => {
    const { rows: tables } = await client.query<{ table_name: string; nullable: string | null }>(`
      SELECT t.table_name, c.is_nullable AS nullable
        FROM information_schema.tables t
        LEFT JOIN information_schema.columns c
          ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'organizationId'
       WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'`);
    const globalTables = ["Organization", "SubscriptionPlan"];
    for (const t of tables) {
      if (globalTables.includes(t.table_name)) continue;
      expect(t.nullable, `${t.table_name}.organizationId`).toBe("NO");
    }
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE '%\\_idx'`,
    );
    expect(indexes.length).toBeGreaterThanOrEqual(15);
    for (const i of indexes) expect(i.indexdef, i.indexname).toMatch(/USING btree \("organizationId"/);
  });
});
