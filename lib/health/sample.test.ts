import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/databases";
import { checksumOf } from "@/lib/engine";
import { sampleEnvironmentHealth } from "./sample";

function migration(name: string, sql: string) {
  return { name, sql, checksum: checksumOf(sql), downSql: null, verifySql: null };
}

async function connect(url: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

async function waitFor(check: () => Promise<boolean>, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("sampleEnvironmentHealth", () => {
  let target: TestDatabase;

  beforeAll(async () => {
    target = await createTestDatabase("health");
    const setup = await connect(target.url, "setup");
    await setup.query(`CREATE TABLE accounts (id int PRIMARY KEY, name text);
                       INSERT INTO accounts SELECT g, 'n' || g FROM generate_series(1, 5000) g;
                       CREATE TABLE tiny (id int);
                       ANALYZE accounts;`);
    await setup.end();
  });

  afterAll(async () => {
    await target?.drop();
  });

  it("reports version, connections, sizes and the largest tables first", async () => {
    const sample = await sampleEnvironmentHealth(target.url);
    expect(sample.reachable).toBe(true);
    expect(sample.warnings).toEqual([]);
    expect(sample.serverVersion).toMatch(/^\d+/);
    expect(sample.maxConnections).toBeGreaterThan(0);
    expect(sample.connections).toBeGreaterThanOrEqual(1);
    expect(sample.databaseSizeBytes).toBeGreaterThan(0);
    expect(sample.largestTables[0]).toMatchObject({ name: "public.accounts", rowEstimate: 5000 });
    expect(sample.largestTables[0].totalBytes).toBeGreaterThan(100_000);
    expect(sample.migrations).toBeNull();
  });

  it("reports a lock wait with both pids, the relation and the lock type, and the long transaction holding it", async () => {
    const holder = await connect(target.url, "holder");
    const waiter = await connect(target.url, "waiter");
    try {
      await holder.query("BEGIN; LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
      const holderPid = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
      const waiterPid = (await waiter.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
      const blocked = waiter.query("SELECT count(*) FROM accounts").catch(() => undefined);
      await waitFor(async () => (await sampleEnvironmentHealth(target.url)).lockWaits.length > 0);

      const startedAt = Date.now();
      const sample = await sampleEnvironmentHealth(target.url, { longTransactionSeconds: 0 });
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect(sample.lockWaits).toContainEqual(
        expect.objectContaining({ blockedPid: waiterPid, blockingPid: holderPid, lockType: "relation", lockMode: "AccessShareLock", relation: "accounts" }),
      );
      expect(sample.lockWaits[0].blockedQuery).toContain("SELECT count(*) FROM accounts");
      // The locked table's exact size would wait for the lock: estimated instead, and said so.
      expect(sample.largestTables.map((t) => t.name)).toContain("public.accounts");
      expect(sample.warnings).toEqual([expect.stringMatching(/estimates/)]);
      // Threshold 0: the holder's open transaction is listed as long-running.
      expect(sample.longRunningTransactions).toContainEqual(expect.objectContaining({ pid: holderPid, applicationName: "holder" }));

      const strict = await sampleEnvironmentHealth(target.url, { longTransactionSeconds: 3600 });
      expect(strict.longRunningTransactions).toEqual([]);

      await holder.query("ROLLBACK");
      await blocked;
    } finally {
      await holder.end();
      await waiter.end();
    }
  });

  it("counts pending, failed and modified migrations from _prisma_migrations", async () => {
    const db = await createTestDatabase("healthmig");
    try {
      const setup = await connect(db.url, "setup");
      await setup.query(`CREATE TABLE _prisma_migrations (
        id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL,
        logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
      const one = migration("001_one", "SELECT 1;");
      const two = migration("002_two", "SELECT 2;");
      const three = migration("003_three", "SELECT 3;");
      const four = migration("004_four", "SELECT 4;");
      await setup.query(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name) VALUES
           ('a', $1, now(), '001_one'), ('b', $2, now(), '002_two'), ('c', $3, NULL, '003_three')`,
        [one.checksum, "0".repeat(64), three.checksum],
      );
      await setup.end();
      const sample = await sampleEnvironmentHealth(db.url, { migrations: [one, two, three, four] });
      expect(sample.migrations).toEqual({ pending: 1, failed: 1, modified: 1, unknown: 0 });
    } finally {
      await db.drop();
    }
  });

  it("reports a target that refuses connections as not reachable, quickly", async () => {
    const port = await freePort();
    const startedAt = Date.now();
    const sample = await sampleEnvironmentHealth(`postgresql://nobody:secret@127.0.0.1:${port}/nowhere`);
    expect(sample.reachable).toBe(false);
    expect(sample.error).toMatch(/Cannot connect/);
    expect(sample.error).not.toContain("secret");
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it("gives up on a server that accepts TCP but never answers within the connect timeout", async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const startedAt = Date.now();
      const sample = await sampleEnvironmentHealth(`postgresql://u@127.0.0.1:${port}/db`, { connectTimeoutMs: 500 });
      expect(sample.reachable).toBe(false);
      expect(Date.now() - startedAt).toBeLessThan(3_000);
    } finally {
      silent.close();
    }
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
