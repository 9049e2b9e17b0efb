import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/databases";
import { deployMigrations, EngineError, PRISMA_ADVISORY_LOCK_KEY, type EngineEvent } from "../index";
import { enginesServers, migration, query } from "./helpers";

const servers = await enginesServers();

async function connect(url: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  return client;
}

describe.each(servers)("locks and cancellation on %s", (_label, serverUrl) => {
  const databases: TestDatabase[] = [];
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase("engine_lock", serverUrl);
    databases.push(db);
  });
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it("gives up waiting for Prisma's advisory lock and names who holds it", async () => {
    const holder = await connect(db.url, "someone-else-deploying");
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
      const holderPid = (await holder.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
      const t0 = Date.now();
      const error = await deployMigrations({ url: db.url, advisoryLockWaitMs: 400, migrations: [migration("001", "CREATE TABLE a (id int);")] }).catch((e: unknown) => e);
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).code).toBe("ADVISORY_LOCK_TIMEOUT");
      expect((error as EngineError).message).toContain(`pid ${holderPid}`);
      expect((error as EngineError).message).toContain("someone-else-deploying");
      expect((error as EngineError).details.holders).toMatchObject([{ pid: holderPid, applicationName: "someone-else-deploying" }]);
      expect(await query(db.url, "SELECT to_regclass('a') AS t")).toEqual([{ t: null }]);
    } finally {
      await holder.end();
    }
  });

  it("retries a migration refused by lock_timeout and applies it once the blocking transaction ends", async () => {
    await deployMigrations({ url: db.url, migrations: [migration("001_t", "CREATE TABLE busy (id int);")] });
    const blocker = await connect(db.url, "long-transaction");
    await blocker.query("BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE");
    const events: EngineEvent[] = [];
    const release = setTimeout(() => void blocker.query("COMMIT"), 700);
    try {
      const report = await deployMigrations({
        url: db.url,
        lockTimeoutMs: 150,
        lockRetryDelayMs: 200,
        maxLockRetries: 5,
        onEvent: (e) => events.push(e),
        migrations: [migration("001_t", "CREATE TABLE busy (id int);"), migration("002_alter", "ALTER TABLE busy ADD COLUMN note text;")],
      });
      expect(report.ok).toBe(true);
      expect(report.applied).toHaveLength(1);
      expect(report.applied[0].lockRetries).toBeGreaterThanOrEqual(1);
      expect(events.filter((e) => e.type === "lock-timeout-retry").length).toBe(report.applied[0].lockRetries);
      const rows = await query<{ migration_name: string; finished_at: Date | null }>(db.url, "SELECT migration_name, finished_at FROM _prisma_migrations WHERE migration_name = '002_alter'");
      expect(rows).toHaveLength(1);
      expect(rows[0].finished_at).not.toBeNull();
    } finally {
      clearTimeout(release);
      await blocker.end();
    }
  });

  it("after the last retry reports LOCK_NOT_GRANTED and leaves the migration pending, not failed", async () => {
    await deployMigrations({ url: db.url, migrations: [migration("001_t", "CREATE TABLE busy (id int);")] });
    const blocker = await connect(db.url, "long-transaction");
    await blocker.query("BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE");
    try {
      const migrations = [migration("001_t", "CREATE TABLE busy (id int);"), migration("002_alter", "ALTER TABLE busy ADD COLUMN note text;"), migration("003_next", "SELECT 1;")];
      const report = await deployMigrations({ url: db.url, lockTimeoutMs: 100, lockRetryDelayMs: 50, maxLockRetries: 2, migrations });
      expect(report.outcome).toBe("failed");
      expect(report.failure).toMatchObject({ code: "LOCK_NOT_GRANTED", migration: "002_alter", recordedAs: "pending", lockRetries: 2 });
      expect(report.failure!.error!.sqlstate).toBe("55P03");
      expect(report.notRun).toEqual(["003_next"]);
      expect(await query(db.url, "SELECT migration_name FROM _prisma_migrations ORDER BY started_at")).toEqual([{ migration_name: "001_t" }]);
    } finally {
      await blocker.end();
    }
    const retry = await deployMigrations({ url: db.url, migrations: [migration("001_t", "CREATE TABLE busy (id int);"), migration("002_alter", "ALTER TABLE busy ADD COLUMN note text;")] });
    expect(retry.applied.map((a) => a.name)).toEqual(["002_alter"]);
  });

  it("never retries a lock failure after a part of the file committed", async () => {
    await deployMigrations({ url: db.url, migrations: [migration("001_t", "CREATE TABLE busy (id int);")] });
    const blocker = await connect(db.url, "long-transaction");
    await blocker.query("BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE");
    try {
      const twoParts = "BEGIN;\nCREATE TABLE first_half (id int);\nCOMMIT;\nALTER TABLE busy ADD COLUMN note text;";
      const report = await deployMigrations({ url: db.url, lockTimeoutMs: 100, lockRetryDelayMs: 50, migrations: [migration("001_t", "CREATE TABLE busy (id int);"), migration("002_two_parts", twoParts)] });
      expect(report.failure).toMatchObject({ code: "LOCK_NOT_GRANTED", recordedAs: "failed", partial: true, lockRetries: 0 });
      const rows = await query<{ finished_at: Date | null; logs: string }>(db.url, "SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '002_two_parts'");
      expect(rows).toHaveLength(1);
      expect(rows[0].finished_at).toBeNull();
      expect(rows[0].logs).toContain("55P03");
    } finally {
      await blocker.end();
    }
  });

  it("cancels the running statement on abort and stops before the next migration", async () => {
    const controller = new AbortController();
    const migrations = [migration("001_ok", "CREATE TABLE before_sleep (id int);"), migration("002_slow", "CREATE TABLE during_sleep (id int);\nSELECT pg_sleep(30);"), migration("003_never", "CREATE TABLE never (id int);")];
    const t0 = Date.now();
    const report = await deployMigrations({
      url: db.url,
      migrations,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === "migration-start" && e.migration === "002_slow") setTimeout(() => controller.abort(), 300);
      },
    });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(report.outcome).toBe("cancelled");
    expect(report.applied.map((a) => a.name)).toEqual(["001_ok"]);
    expect(report.failure).toMatchObject({ code: "CANCELLED", migration: "002_slow", recordedAs: "pending", partial: false });
    expect(report.notRun).toEqual(["003_never"]);
    expect(await query(db.url, "SELECT migration_name FROM _prisma_migrations")).toEqual([{ migration_name: "001_ok" }]);
    expect(await query(db.url, "SELECT to_regclass('during_sleep') AS a, to_regclass('never') AS b")).toEqual([{ a: null, b: null }]);
  });
});
