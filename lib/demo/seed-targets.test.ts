import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { adminQuery, databaseUrl, testServerUrl } from "@/lib/testing/databases";
import { RISCURA_MIGRATIONS_DIR, RISCURA_TARGETS, seedRiscuraTargets, type RiscuraTarget, type SeededTarget } from "./seed-targets";

const APPLIED = ["000_init", "001_add_rcsa_models", "002_add_policy_extraction_models", "003_add_document_management", "004_add_billing_system"];

describe("seedRiscuraTargets", () => {
  const suffix = randomBytes(4).toString("hex");
  const targets: RiscuraTarget[] = RISCURA_TARGETS.map((t) => ({ ...t, database: `${t.database}_${suffix}` }));
  const lines: string[] = [];
  let first: SeededTarget[];

  beforeAll(async () => {
    first = await seedRiscuraTargets(testServerUrl(), { targets, log: (l) => lines.push(l) });
  }, 180_000);

  afterAll(async () => {
    for (const t of targets) await adminQuery(testServerUrl(), `DROP DATABASE IF EXISTS "${t.database}" WITH (FORCE)`);
  });

  it("creates each database and applies 000–004 through the engine", () => {
    expect(first.map((t) => [t.environment, t.outcome, t.applied])).toEqual([
      ["dev", "seeded", APPLIED],
      ["staging", "seeded", APPLIED],
      ["prod", "seeded", APPLIED],
    ]);
    expect(lines).toHaveLength(3);
  });

  it("records exactly 000–004 in _prisma_migrations with Prisma's sha256 checksums", async () => {
    const expected = await Promise.all(
      APPLIED.map(async (name) => createHash("sha256").update(await readFile(path.join(RISCURA_MIGRATIONS_DIR, name, "migration.sql"))).digest("hex")),
    );
    for (const t of targets) {
      const client = new pg.Client({ connectionString: databaseUrl(testServerUrl(), t.database) });
      await client.connect();
      try {
        const { rows } = await client.query<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean; applied_steps_count: number }>(
          `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count
             FROM _prisma_migrations ORDER BY migration_name`,
        );
        expect(rows.map((r) => r.migration_name), t.database).toEqual(APPLIED);
        expect(rows.map((r) => r.checksum)).toEqual(expected);
        expect(rows.every((r) => r.finished && !r.rolled_back)).toBe(true);
      } finally {
        await client.end();
      }
    }
  });

  it("loads every table, with thousands of rows that grow from dev to prod", () => {
    const totals = first.map((t) => Object.values(t.rows).reduce((a, b) => a + b, 0));
    for (const t of first) {
      expect(Object.keys(t.rows)).toContain("_prisma_migrations");
      for (const [table, n] of Object.entries(t.rows)) expect(n, `${t.database}.${table}`).toBeGreaterThan(0);
    }
    expect(totals[0]).toBeGreaterThan(2_000);
    expect(totals[1]).toBeGreaterThan(totals[0]);
    expect(totals[2]).toBeGreaterThan(100_000);
    expect(first[2].rows.Risk).toBeGreaterThan(10_000);
    expect(first[2].rows.Organization).toBe(200);
  });

  it("leaves databases that already hold the demo alone", async () => {
    const again = await seedRiscuraTargets(testServerUrl(), { targets });
    expect(again.map((t) => t.outcome)).toEqual(["existing", "existing", "existing"]);
    expect(again.map((t) => t.rows)).toEqual(first.map((t) => t.rows));
  });
});
