import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/databases";
import { PRISMA_ADVISORY_LOCK_KEY } from "../index";
import { enginesServers, query } from "./helpers";

const servers = await enginesServers();
const SLUICE = path.resolve(__dirname, "../../../bin/sluice.js");

type Run = { code: number; stdout: string; stderr: string };

function sluice(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv = { ...process.env, ...env };
    if (!("DATABASE_URL" in env)) delete childEnv.DATABASE_URL;
    execFile(process.execPath, [SLUICE, ...args], { env: childEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "sluice-cli-"));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

describe.each(servers)("sluice migrate CLI on %s", (_label, serverUrl) => {
  const databases: TestDatabase[] = [];
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase("engine_cli", serverUrl);
    databases.push(db);
  });
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it("deploys with a progress line per migration, then reports up to date", async () => {
    const dir = await migrationsDir({
      "migration_lock.toml": 'provider = "postgresql"',
      "001_a/migration.sql": "CREATE TABLE a (id int);",
      "002_b/migration.sql": "CREATE TABLE b (id int);",
      "002_b/down.sql": "DROP TABLE b;",
    });
    const deploy = await sluice(["migrate", "deploy", "--dir", dir, "--url", db.url]);
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toMatch(/✓ 001_a {2}\(\d+ ms\)\n {2}✓ 002_b/);
    expect(deploy.stdout).toContain("Applied 2 migration(s)");

    const status = await sluice(["migrate", "status", "--dir", dir, "--json"], { DATABASE_URL: db.url });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ upToDate: true, counts: { applied: 2 } });

    const down = await sluice(["migrate", "down", "--dir", dir, "--url", db.url]);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain("Rolled back 002_b");
    const pending = await sluice(["migrate", "status", "--dir", dir, "--url", db.url]);
    expect(pending.code).toBe(5);
    expect(pending.stdout).toMatch(/rolled back\s+002_b/);
  });

  it("exits 1 on a failed migration, 7 while it is unresolved, 0 once resolved", async () => {
    const dir = await migrationsDir({ "001_bad/migration.sql": "CREATE TABLE a (id int);\nSELECT * FROM nowhere;" });
    const failed = await sluice(["migrate", "deploy", "--dir", dir, "--url", db.url]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('relation "nowhere" does not exist');
    expect(failed.stderr).toContain("    2 | SELECT * FROM nowhere;");

    const blocked = await sluice(["migrate", "deploy", "--dir", dir, "--url", db.url, "--json"]);
    expect(blocked.code).toBe(7);
    expect(JSON.parse(blocked.stdout).error.code).toBe("FAILED_MIGRATION_PRESENT");

    const resolved = await sluice(["migrate", "resolve", "--rolled-back", "001_bad", "--dir", dir, "--url", db.url]);
    expect(resolved.code).toBe(0);
    const plan = await sluice(["migrate", "plan", "--dir", dir, "--url", db.url]);
    expect(plan.code).toBe(5);
    expect(plan.stdout).toContain("1. 001_bad");
  });

  it("exits 2 on bad input, 3 when another deploy holds the lock, 4 on drift, 6 when unreachable", async () => {
    const dir = await migrationsDir({ "001_a/migration.sql": "CREATE TABLE a (id int);" });
    expect((await sluice(["migrate", "deploy", "--dir", "/nonexistent", "--url", db.url])).code).toBe(2);
    expect((await sluice(["migrate", "deploy", "--dir", dir])).code).toBe(2);
    expect((await sluice(["migrate", "deploy", "--no-such-flag"])).code).toBe(2);
    expect((await sluice(["migrate", "resolve", "--dir", dir, "--url", db.url])).code).toBe(2);

    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    const locked = await sluice(["migrate", "deploy", "--dir", dir, "--url", db.url, "--lock-wait", "300"]);
    await holder.end();
    expect(locked.code).toBe(3);
    expect(locked.stderr).toContain("ADVISORY_LOCK_TIMEOUT");

    expect((await sluice(["migrate", "deploy", "--dir", dir, "--url", db.url])).code).toBe(0);
    expect((await sluice(["migrate", "drift", "--dir", dir, "--url", db.url])).code).toBe(0);
    await query(db.url, "ALTER TABLE a ADD COLUMN hotfix int");
    const drift = await sluice(["migrate", "drift", "--dir", dir, "--url", db.url]);
    expect(drift.code).toBe(4);
    expect(drift.stdout).toContain("column public.a.hotfix is unexpected");

    const unreachable = await sluice(["migrate", "status", "--dir", dir, "--url", "postgres://u:topsecret@127.0.0.1:1/x"]);
    expect(unreachable.code).toBe(6);
    expect(unreachable.stdout + unreachable.stderr).not.toContain("topsecret");
  });

  it("rehearses a migrations directory (exit 0 when every down.sql restores the schema, 1 otherwise)", async () => {
    const good = await migrationsDir({ "001_a/migration.sql": "CREATE TABLE a (id int);", "001_a/down.sql": "DROP TABLE a;" });
    expect((await sluice(["migrate", "rehearse", "--dir", good, "--url", db.url])).code).toBe(0);
    const bad = await migrationsDir({ "001_a/migration.sql": "CREATE TABLE a (id int);\nCREATE TABLE b (id int);", "001_a/down.sql": "DROP TABLE a;" });
    const failed = await sluice(["migrate", "rehearse", "--dir", bad, "--url", db.url]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("relation public.b is unexpected");
  });
});
