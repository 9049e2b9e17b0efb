import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/databases";
import { RISCURA_APPLIED_COUNT, readRiscuraFolders, runScript } from "./riscura";
import { populateTenantData } from "./tenant-data";

const SIZE = { organizations: 6, scale: 0.4 };

async function riscuraDatabase(): Promise<{ db: TestDatabase; client: pg.Client }> {
  const db = await createTestDatabase("riscura_data");
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  for (const folder of (await readRiscuraFolders()).slice(0, RISCURA_APPLIED_COUNT)) await runScript(client, folder.up);
  return { db, client };
}

/** Rows whose single-column foreign key points nowhere, per constraint. */
async function orphans(client: pg.Client): Promise<Record<string, number>> {
  const { rows: fks } = await client.query<{ name: string; child: string; col: string; parent: string; ref: string }>(`
    SELECT c.conname AS name, c.conrelid::regclass::text AS child, a.attname AS col,
           c.confrelid::regclass::text AS parent, r.attname AS ref
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
  const found: Record<string, number> = {};
  for (const fk of fks) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${fk.child} x WHERE x."${fk.col}" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p."${fk.ref}" = x."${fk.col}")`,
    );
    found[fk.name] = Number(rows[0].n);
  }
  return found;
}

async function fingerprint(client: pg.Client): Promise<Record<string, string>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`,
  );
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await client.query<{ md5: string }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${name}" t`);
    prints[name] = rows[0].md5;
  }
  return prints;
}

describe("populateTenantData", () => {
  let a: { db: TestDatabase; client: pg.Client };
  let b: { db: TestDatabase; client: pg.Client };

  beforeAll(async () => {
    [a, b] = await Promise.all([riscuraDatabase(), riscuraDatabase()]);
    await populateTenantData(a.client, SIZE);
    await populateTenantData(b.client, SIZE);
  });

  afterAll(async () => {
    for (const x of [a, b]) {
      await x?.client.end();
      await x?.db.drop();
    }
  });

  it("fills every table of migrations 000–004, thousands of rows even at dev size", async () => {
    const { rows } = await a.client.query<{ relname: string; n: number }>(
      `SELECT relname, reltuples::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    expect(rows).toHaveLength(20);
    for (const r of rows) expect(r.n, r.relname).toBeGreaterThan(0);
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThan(2000);
  });

  it("gives every tenant row a valid organization and leaves no dangling reference", async () => {
    const counts = await orphans(a.client);
    expect(Object.keys(counts)).toHaveLength(47);
    expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
  });

  it("uses cuid-shaped ids and realistic, varied values", async () => {
    const { rows } = await a.client.query(`SELECT id FROM "Risk" WHERE id !~ '^c[0-9a-f]{24}$' LIMIT 1`);
    expect(rows).toEqual([]);
    const { rows: spread } = await a.client.query<{ statuses: number; categories: number; scores: number; per_org_min: number; per_org_max: number }>(`
      SELECT count(DISTINCT status)::int AS statuses, count(DISTINCT category)::int AS categories, count(DISTINCT "riskScore")::int AS scores,
             (SELECT min(n) FROM (SELECT count(*)::int AS n FROM "Risk" GROUP BY "organizationId") s) AS per_org_min,
             (SELECT max(n) FROM (SELECT count(*)::int AS n FROM "Risk" GROUP BY "organizationId") s) AS per_org_max
        FROM "Risk"`);
    expect(spread[0].statuses).toBe(5);
    expect(spread[0].categories).toBe(5);
    expect(spread[0].scores).toBeGreaterThan(8);
    expect(spread[0].per_org_max).toBeGreaterThan(spread[0].per_org_min);
  });

  it("is deterministic: the same size gives the same rows", async () => {
    expect(await fingerprint(b.client)).toEqual(await fingerprint(a.client));
  });
});
