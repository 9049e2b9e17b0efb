import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/databases";
import { checksumOf, deployMigrations, EngineError, migrationStatus, resolveMigration, rollbackMigration } from "../index";
import { enginesServers, migration, query } from "./helpers";

const servers = await enginesServers();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  return (error as EngineError).code;
}

describe.each(servers)("status, resolve and rollback on %s", (_label, serverUrl) => {
  const databases: TestDatabase[] = [];
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase("engine_hist", serverUrl);
    databases.push(db);
  });
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it("reports everything pending on a database without _prisma_migrations, without creating it", async () => {
    const status = await migrationStatus({ url: db.url, migrations: [migration("001", "SELECT 1;"), migration("002", "SELECT 2;")] });
    expect(status.historyTableExists).toBe(false);
    expect(status.migrations.map((m) => [m.name, m.state])).toEqual([
      ["001", "pending"],
      ["002", "pending"],
    ]);
    expect(status.pending).toEqual(["001", "002"]);
    expect(status.upToDate).toBe(false);
    expect(await query(db.url, "SELECT to_regclass('_prisma_migrations') AS t")).toEqual([{ t: null }]);
  });

  it("tells applied, modified (with Prisma's line-ending tolerance), failed and unknown apart", async () => {
    const original = [
      migration("001_a", "CREATE TABLE a (id int);\n"),
      migration("002_b", "CREATE TABLE b (id int);\n"),
      migration("003_c", "CREATE TABLE c (id int);\n"),
      migration("004_gone", "CREATE TABLE gone (id int);\n"),
    ];
    await deployMigrations({ url: db.url, migrations: original });
    await deployMigrations({ url: db.url, migrations: [...original, migration("005_fails", "SELECT * FROM nowhere;")] });
    const source = [
      migration("001_a", "CREATE TABLE a (id int);\r\n"),
      migration("002_b", "CREATE TABLE b (id bigint);\n"),
      original[2],
      migration("005_fails", "SELECT * FROM nowhere;"),
      migration("006_new", "SELECT 1;"),
    ];
    const status = await migrationStatus({ url: db.url, migrations: source });
    expect(status.migrations.map((m) => [m.name, m.state])).toEqual([
      ["001_a", "applied"],
      ["002_b", "modified"],
      ["003_c", "applied"],
      ["005_fails", "failed"],
      ["006_new", "pending"],
      ["004_gone", "unknown"],
    ]);
    const failed = status.migrations.find((m) => m.name === "005_fails")!;
    expect(failed.row!.logs).toContain("42P01");
    expect(failed.row!.finished_at).toBeNull();
    expect(status.modified).toEqual(["002_b"]);
    expect(status.unknown).toEqual(["004_gone"]);
    expect(status.deployInProgress).toEqual([]);
  });

  it("throws UNREACHABLE with the password redacted", async () => {
    const error = await migrationStatus({ url: "postgres://admin:s3cret@127.0.0.1:1/nowhere", migrations: [] }).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe("UNREACHABLE");
    expect((error as EngineError).message).not.toContain("s3cret");
    expect((error as EngineError).message).toContain("*****");
  });

  it("resolve follows Prisma's rules (P3008, P3011, P3012, P3017) and unblocks a failed deploy", async () => {
    const good = migration("001_a", "CREATE TABLE a (id int);");
    const bad = migration("002_bad", "CREATE TABLE b (id nosuchtype);");
    await deployMigrations({ url: db.url, migrations: [good, bad] });

    expect(await codeOf(resolveMigration({ url: db.url, migrations: [good, bad], name: "999_missing", as: "applied" }))).toBe("NOT_FOUND");
    expect(await codeOf(resolveMigration({ url: db.url, migrations: [good, bad], name: "001_a", as: "applied" }))).toBe("ALREADY_APPLIED");
    expect(await codeOf(resolveMigration({ url: db.url, migrations: [good, bad], name: "003_never", as: "rolled-back" }))).toBe("NOT_APPLIED");
    expect(await codeOf(resolveMigration({ url: db.url, migrations: [good, bad], name: "001_a", as: "rolled-back" }))).toBe("NOT_FAILED");

    await resolveMigration({ url: db.url, migrations: [good, bad], name: "002_bad", as: "rolled-back" });
    const afterRolledBack = await migrationStatus({ url: db.url, migrations: [good, bad] });
    expect(afterRolledBack.migrations.map((m) => m.state)).toEqual(["applied", "rolled_back"]);

    const fixed = migration("002_bad", "CREATE TABLE b (id int);");
    const report = await deployMigrations({ url: db.url, migrations: [good, fixed] });
    expect(report.applied.map((a) => a.name)).toEqual(["002_bad"]);
    const rows = await query<{ finished_at: Date | null; rolled_back_at: Date | null }>(db.url, "SELECT finished_at, rolled_back_at FROM _prisma_migrations WHERE migration_name = '002_bad' ORDER BY started_at");
    expect(rows.map((r) => [r.finished_at !== null, r.rolled_back_at !== null])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it("resolve --applied marks a failed migration done and baselines a populated database", async () => {
    await query(db.url, "CREATE TABLE legacy (id int)");
    const baseline = migration("000_baseline", "CREATE TABLE legacy (id int);");
    await resolveMigration({ url: db.url, migrations: [baseline], name: "000_baseline", as: "applied" });
    const rows = await query<{ checksum: string; finished_at: Date | null; logs: string; applied_steps_count: number }>(db.url, "SELECT checksum, finished_at, logs, applied_steps_count FROM _prisma_migrations");
    expect(rows).toEqual([{ checksum: checksumOf("CREATE TABLE legacy (id int);"), finished_at: expect.any(Date), logs: "", applied_steps_count: 0 }]);

    const broken = migration("001_half", "ALTER TABLE legacy ADD COLUMN x int;\nSELECT * FROM nowhere;");
    await deployMigrations({ url: db.url, migrations: [baseline, broken] });
    await resolveMigration({ url: db.url, migrations: [baseline, broken], name: "001_half", as: "applied" });
    const status = await migrationStatus({ url: db.url, migrations: [baseline, broken] });
    expect(status.migrations.map((m) => m.state)).toEqual(["applied", "applied"]);
    expect(status.migrations[1].rows.map((r) => [r.finished_at !== null, r.rolled_back_at !== null])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it("rolls back the last applied migration with down.sql, recorded as Prisma's --rolled-back", async () => {
    const a = migration("001_a", "CREATE TABLE a (id int);", { down: "DROP TABLE a;" });
    const b = migration("002_b", "ALTER TABLE a ADD COLUMN note text;", { down: "ALTER TABLE a DROP COLUMN note;" });
    const noDown = migration("003_c", "CREATE TABLE c (id int);");
    await deployMigrations({ url: db.url, migrations: [a, b] });

    expect(await codeOf(rollbackMigration({ url: db.url, migrations: [a, b], name: "001_a" }))).toBe("NOT_LAST_APPLIED");
    const result = await rollbackMigration({ url: db.url, migrations: [a, b], name: "002_b" });
    expect(result.name).toBe("002_b");
    expect(await query(db.url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'a' ORDER BY 1")).toEqual([{ column_name: "id" }]);
    const rows = await query<{ finished_at: Date | null; rolled_back_at: Date | null }>(db.url, "SELECT finished_at, rolled_back_at FROM _prisma_migrations WHERE migration_name = '002_b'");
    expect(rows[0].finished_at).not.toBeNull();
    expect(rows[0].rolled_back_at).not.toBeNull();
    expect((await migrationStatus({ url: db.url, migrations: [a, b] })).migrations.map((m) => m.state)).toEqual(["applied", "rolled_back"]);

    const redeploy = await deployMigrations({ url: db.url, migrations: [a, b, noDown] });
    expect(redeploy.applied.map((x) => x.name)).toEqual(["002_b", "003_c"]);
    expect(await codeOf(rollbackMigration({ url: db.url, migrations: [a, b, noDown], name: "003_c" }))).toBe("NO_DOWN_SCRIPT");
  });

  it("keeps the migration applied when its down.sql fails", async () => {
    const a = migration("001_a", "CREATE TABLE a (id int);", { down: "DROP TABLE a;\nDROP TABLE not_there;" });
    await deployMigrations({ url: db.url, migrations: [a] });
    const error = await rollbackMigration({ url: db.url, migrations: [a], name: "001_a" }).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe("MIGRATION_FAILED");
    expect((error as EngineError).message).toContain("still recorded as applied");
    expect(await query(db.url, "SELECT to_regclass('a')::text AS t")).toEqual([{ t: "a" }]);
    expect((await migrationStatus({ url: db.url, migrations: [a] })).migrations[0].state).toBe("applied");
  });
});
