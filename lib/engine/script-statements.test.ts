import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statementsToRunSeparately } from "./script-statements";
import { deployMigrations } from "./apply";
import { checksumOf } from "./checksum";
import { createTestDatabase, query, type TestDatabase } from "@/lib/testing/databases";

const migration = (name: string, sql: string) => ({ name, sql, checksum: checksumOf(sql), downSql: null, verifySql: null });

describe("statementsToRunSeparately", () => {
  it("leaves ordinary and single-statement files whole, as Prisma sends them", async () => {
    expect(await statementsToRunSeparately(`CREATE TABLE "A" (id int); CREATE INDEX "A_id" ON "A"(id);`)).toBeNull();
    expect(await statementsToRunSeparately(`CREATE INDEX CONCURRENTLY "A_id" ON "A"(id);`)).toBeNull();
  });

  it("leaves files with their own transaction control to their author", async () => {
    expect(await statementsToRunSeparately(`BEGIN; CREATE TABLE a(id int); COMMIT; CREATE INDEX CONCURRENTLY a_id ON a(id);`)).toBeNull();
  });

  it("splits a file mixing CONCURRENTLY with other statements, keeping each statement's text (comments between statements are dropped)", async () => {
    const sql = `SET lock_timeout = '5s';\n\n-- the tenant index\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "Risk_org_idx" ON "Risk"("organizationId");\nDROP INDEX CONCURRENTLY IF EXISTS "Ünïcode_idx";`;
    expect(await statementsToRunSeparately(sql)).toEqual([
      `SET lock_timeout = '5s'`,
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "Risk_org_idx" ON "Risk"("organizationId")`,
      `DROP INDEX CONCURRENTLY IF EXISTS "Ünïcode_idx"`,
    ]);
  });
});

describe("deploying a file with several CREATE INDEX CONCURRENTLY", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("concurrently");
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("applies it (prisma migrate deploy would fail with 25001) and records it as applied", async () => {
    const report = await deployMigrations({
      url: db.url,
      migrations: [
        migration("001_table", `CREATE TABLE "Risk" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "status" TEXT);`),
        migration(
          "002_indexes",
          `SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY "Risk_org_idx" ON "Risk"("organizationId");\nCREATE INDEX CONCURRENTLY "Risk_org_status_idx" ON "Risk"("organizationId", "status") WHERE "status" <> 'CLOSED';`,
        ),
      ],
    });
    expect(report.ok).toBe(true);
    const indexes = await query<{ indexname: string }>(db.url, `SELECT indexname FROM pg_indexes WHERE tablename = 'Risk' ORDER BY 1`);
    const rows = await query(db.url, `SELECT migration_name, finished_at IS NOT NULL AS finished, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`);
    expect(indexes.map((r) => r.indexname)).toEqual(["Risk_org_idx", "Risk_org_status_idx", "Risk_pkey"]);
    expect(rows).toEqual([
      { migration_name: "001_table", finished: true, applied_steps_count: 1 },
      { migration_name: "002_indexes", finished: true, applied_steps_count: 1 },
    ]);
  });
});
