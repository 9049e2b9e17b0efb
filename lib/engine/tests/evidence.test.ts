import { spawn, execFileSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/databases";
import { deployMigrations, diffCatalogs, EngineError, migrationStatus, readMigrationsDir, readMigrationsSource, resolveMigration, snapshotCatalog } from "../index";
import { enginesServers, migration, query } from "./helpers";

const servers = await enginesServers();
const SLUICE = path.resolve(__dirname, "../../../bin/sluice.js");
const COMPAT = path.resolve(__dirname, "../fixtures/compat");

async function until<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(servers)("evidence on %s", (_label, serverUrl) => {
  const databases: TestDatabase[] = [];
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase("engine_evidence", serverUrl);
    databases.push(db);
  });
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it("two engines deploying at once: exactly one applies, the other waits and finds nothing to do", async () => {
    const migrations = [migration("001_slow", "CREATE TABLE once (id int);\nSELECT pg_sleep(0.5);"), migration("002_next", "CREATE TABLE twice (id int);")];
    const [a, b] = await Promise.all([deployMigrations({ url: db.url, migrations }), deployMigrations({ url: db.url, migrations })]);
    const outcomes = [a.outcome, b.outcome].sort();
    expect(outcomes).toEqual(["applied", "up-to-date"]);
    const winner = a.outcome === "applied" ? a : b;
    expect(winner.applied.map((m) => m.name)).toEqual(["001_slow", "002_next"]);
    expect(await query(db.url, "SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1 ORDER BY 1")).toEqual([
      { migration_name: "001_slow", n: 1 },
      { migration_name: "002_next", n: 1 },
    ]);
  });

  it("two engines at once with a short lock wait: the loser gives up cleanly and changes nothing", async () => {
    const migrations = [migration("001_slow", "CREATE TABLE once (id int);\nSELECT pg_sleep(1.5);")];
    const results = await Promise.allSettled([
      deployMigrations({ url: db.url, migrations, advisoryLockWaitMs: 300 }),
      deployMigrations({ url: db.url, migrations, advisoryLockWaitMs: 300 }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0].reason as EngineError).code).toBe("ADVISORY_LOCK_TIMEOUT");
    expect(await query(db.url, "SELECT count(*)::int AS n FROM _prisma_migrations")).toEqual([{ n: 1 }]);
  });

  it("a deploy killed with SIGKILL mid-migration is reported failed, never applied, and blocks until resolved", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sluice-kill-"));
    await mkdir(path.join(dir, "001_ok"));
    await writeFile(path.join(dir, "001_ok", "migration.sql"), "CREATE TABLE before_kill (id int);");
    await mkdir(path.join(dir, "002_long"));
    await writeFile(path.join(dir, "002_long", "migration.sql"), "CREATE TABLE half_done (id int);\nSELECT pg_sleep(30);");
    const child = spawn(process.execPath, [SLUICE, "migrate", "deploy", "--dir", dir, "--url", db.url], { stdio: "ignore" });
    const orphan = await until(async () => {
      const rows = await query<{ pid: number }>(db.url, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()");
      return rows[0]?.pid;
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    const migrations = await readMigrationsDir(dir);
    // The server has not noticed the client died: its backend still runs the script and holds the lock.
    const during = await migrationStatus({ url: db.url, migrations });
    expect(during.migrations.map((m) => [m.name, m.state])).toEqual([
      ["001_ok", "applied"],
      ["002_long", "failed"],
    ]);
    expect(during.deployInProgress.map((h) => h.pid)).toEqual([orphan]);
    const waiting = await deployMigrations({ url: db.url, migrations, advisoryLockWaitMs: 300 }).catch((e: unknown) => e);
    expect((waiting as EngineError).code).toBe("ADVISORY_LOCK_TIMEOUT");
    expect((waiting as EngineError).message).toContain(`pid ${orphan}`);

    await query(db.url, "SELECT pg_terminate_backend($1)", [orphan]);
    await until(async () => (await query(db.url, "SELECT 1 FROM pg_stat_activity WHERE pid = $1", [orphan])).length === 0);

    const after = await migrationStatus({ url: db.url, migrations });
    const row = after.migrations[1].row!;
    expect(after.migrations[1].state).toBe("failed");
    expect(row.finished_at).toBeNull();
    expect(row.applied_steps_count).toBe(0);
    expect(after.deployInProgress).toEqual([]);
    expect(await query(db.url, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    const blocked = await deployMigrations({ url: db.url, migrations }).catch((e: unknown) => e);
    expect((blocked as EngineError).code).toBe("FAILED_MIGRATION_PRESENT");
    expect((blocked as EngineError).message).toContain("002_long");

    await resolveMigration({ url: db.url, migrations, name: "002_long", as: "rolled-back" });
    const fixed = [migrations[0], migration("002_long", "CREATE TABLE half_done (id int);")];
    const retried = await deployMigrations({ url: db.url, migrations: fixed });
    expect(retried.applied.map((m) => m.name)).toEqual(["002_long"]);
  });

  it("applies irregular Prisma folders exactly like psql -f per file, in the same order", async () => {
    const source = await readMigrationsSource(COMPAT);
    expect(source.lockProvider).toBe("postgresql");
    expect(source.skipped).toEqual(["20240105000000_draft"]);
    expect(source.migrations.map((m) => m.name)).toEqual([
      "20240101_init",
      "20240101000000_accounts",
      "202401011200_concurrently",
      "20240102000000_a_users",
      "20240102000000_b_orders",
      "20240103000000 add notes",
      "20240104000000_weird.sql",
      "20240106000000_comments",
      "20240107000000_tenant_security",
    ]);

    const report = await deployMigrations({ url: db.url, migrations: source.migrations });
    expect(report.failure).toBeNull();
    expect(report.applied).toHaveLength(source.migrations.length);

    const reference = await createTestDatabase("engine_psql_ref", serverUrl);
    databases.push(reference);
    for (const m of source.migrations) {
      execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", reference.url, "-f", path.join(COMPAT, m.name, "migration.sql")], { stdio: "pipe" });
    }
    expect(diffCatalogs(await snapshotCatalog(reference.url), await snapshotCatalog(db.url))).toEqual([]);

    const [{ server_version_num }] = await query<{ server_version_num: string }>(db.url, "SHOW server_version_num");
    // Debian's pg_dump 15 cannot dump a newer server; where it can, compare its view as well.
    if (Number(server_version_num) < 160000) {
      // \restrict lines carry a random key per run (pg_dump 15.14+): not part of the schema.
      const dump = (url: string) =>
        execFileSync("pg_dump", ["--schema-only", "--no-owner", "--exclude-table=_prisma_migrations", "-d", url], { encoding: "utf8" }).replace(/^\\(un)?restrict .*$/gm, "");
      expect(dump(db.url)).toEqual(dump(reference.url));
    }
  });
});
