import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/lint/corpus";
import { createTestDatabase, type TestDatabase } from "../testing/databases";
import { loadTargetStats } from "./index";

const run = promisify(execFile);
const SLUICE = path.resolve(__dirname, "../../bin/sluice.js");

async function sluiceLint(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SLUICE, "lint", ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A Prisma migrations directory: an initial table, then an unsafe index on it. */
function migrationsDir(): string {
  const root = mkdtempSync(path.join(tmpdir(), "sluice-lint-"));
  const write = (name: string, files: Record<string, string>) => {
    mkdirSync(path.join(root, name));
    for (const [file, sql] of Object.entries(files)) writeFileSync(path.join(root, name, file), sql);
  };
  write("20250101000000_init", { "migration.sql": 'CREATE TABLE "Order" ("id" BIGINT PRIMARY KEY, "customerId" BIGINT);\n', "down.sql": 'DROP TABLE "Order";\n' });
  write("20250102000000_index", {
    "migration.sql": "SET lock_timeout = '2s';\n\n" + 'CREATE INDEX "Order_customerId_idx" ON "Order" ("customerId");\n',
    "down.sql": 'DROP INDEX "Order_customerId_idx";\n',
  });
  return root;
}

describe("sluice lint (spawned)", () => {
  it("prints findings as text and exits 1 at the default --fail-on high", async () => {
    const dir = migrationsDir();
    const result = await sluiceLint([dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("20250102000000_index/migration.sql:3:1 HIGH require-concurrent-index (lock: SHARE)");
    expect(result.stdout).toContain('CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");');
  });

  it("exits 0 when nothing reaches --fail-on", async () => {
    expect((await sluiceLint([migrationsDir(), "--fail-on", "critical"])).code).toBe(0);
  });

  it("emits GitHub annotations", async () => {
    const { stdout } = await sluiceLint([migrationsDir(), "--format", "github"]);
    expect(stdout).toMatch(/^::error file=.*20250102000000_index\/migration\.sql,line=3,col=1,title=require-concurrent-index \(high\)::CREATE INDEX/m);
  });

  it("emits SARIF 2.1.0 with rules and located results", async () => {
    const sarif = JSON.parse((await sluiceLint([migrationsDir(), "--format", "sarif"])).stdout);
    expect(sarif.version).toBe("2.1.0");
    const [runResult] = sarif.runs;
    expect(runResult.tool.driver.name).toBe("sluice-lint");
    expect(runResult.tool.driver.rules.map((r: { id: string }) => r.id)).toContain("require-concurrent-index");
    const result = runResult.results.find((r: { ruleId: string }) => r.ruleId === "require-concurrent-index");
    expect(result.level).toBe("error");
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 1 });
  });

  it("emits JSON and reports parse errors with a position", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sluice-lint-"));
    writeFileSync(path.join(dir, "broken.sql"), "SELECT 1;\nALTER TABL x;\n");
    const result = await sluiceLint([path.join(dir, "broken.sql"), "--format", "json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).files[0].report.parseError).toMatchObject({ line: 2, column: 7 });
  });

  it("reads sluice.config.json and fails clearly on a bad one", async () => {
    const dir = migrationsDir();
    writeFileSync(path.join(dir, "ok.json"), JSON.stringify({ lint: { rules: { "require-concurrent-index": "off" } } }));
    expect((await sluiceLint([dir, "--config", path.join(dir, "ok.json")])).code).toBe(0);
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ lint: { rowThresholds: { small: "many" } } }));
    const bad = await sluiceLint([dir, "--config", path.join(dir, "bad.json")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("rowThresholds.small");
  });
});

describe("sluice lint on a large directory", () => {
  it("stops quietly when the reader closes the pipe early (sluice lint … | head)", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "sluice-lint-pipe-"));
    const dir = generateCorpus(root, 300);
    const child = spawn(process.execPath, [SLUICE, "lint", dir, "--format", "text"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first chunk, then close our end.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(1); // findings at or above high were found before the pipe closed
  });
});

describe("--url: findings sized by the target's statistics", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase("lint");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('CREATE TABLE "Order" ("id" BIGINT PRIMARY KEY, "customerId" BIGINT, "organizationId" TEXT)');
    await client.query('INSERT INTO "Order" SELECT g, g, \'org\' FROM generate_series(1, 20000) g');
    await client.query('CREATE TABLE "Empty" ("id" BIGINT PRIMARY KEY)');
    await client.query('ANALYZE "Order"; ANALYZE "Empty"');
    await client.end();
  });
  afterAll(() => db?.drop());

  it("loadTargetStats reads reltuples, n_live_tup, total size and columns", async () => {
    const stats = await loadTargetStats(db.url, ["Order", "Empty"]);
    expect(stats.Order.reltuples).toBe(20000);
    expect(stats.Order.totalBytes).toBeGreaterThan(0);
    expect(stats.Order.columns?.map((c) => c.name)).toEqual(["id", "customerId", "organizationId"]);
    expect(stats.Empty.reltuples ?? 0).toBe(0);
    expect(Object.keys(stats).sort()).toEqual(["Empty", "Order"]);
    expect(await loadTargetStats(db.url, [])).toEqual({});
  });

  it("states rows and lock, and knows tenant tables from the catalog", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sluice-lint-"));
    writeFileSync(path.join(dir, "m.sql"), 'CREATE INDEX "o" ON "Order" ("customerId");\nALTER TABLE "Empty" ALTER COLUMN "id" TYPE TEXT;\n');
    const { stdout } = await sluiceLint([path.join(dir, "m.sql"), "--url", db.url, "--format", "json"]);
    const findings = JSON.parse(stdout).files[0].report.findings as { ruleId: string; severity: string; estimatedRows?: number; lock?: string }[];
    expect(findings.find((f) => f.ruleId === "require-concurrent-index")).toMatchObject({ severity: "high", estimatedRows: 20000, lock: "SHARE" });
    expect(findings.find((f) => f.ruleId === "column-type-rewrite")).toMatchObject({ severity: "info", estimatedRows: 0, lock: "ACCESS EXCLUSIVE" });
    expect(findings.map((f) => f.ruleId)).toContain("tenant-index-leading-key");
  });
});
