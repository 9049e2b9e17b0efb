import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/databases";
import { deployMigrations, EngineError, migrationStatus, type EngineEvent } from "../index";
import { enginesServers, migration, query, withParams } from "./helpers";

const servers = await enginesServers();

describe.each(servers)("deploy on %s", (_label, serverUrl) => {
  const databases: TestDatabase[] = [];
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase("engine_deploy", serverUrl);
    databases.push(db);
  });
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it("creates _prisma_migrations exactly as Prisma does and records each migration", async () => {
    const migrations = [
      migration("20240101000000_init", 'CREATE TABLE "User" (id serial PRIMARY KEY, email text NOT NULL);'),
      migration("20240102000000_posts", 'CREATE TABLE "Post" (id serial PRIMARY KEY, "userId" int REFERENCES "User"(id));'),
    ];
    const events: EngineEvent[] = [];
    const report = await deployMigrations({ url: db.url, migrations, onEvent: (e) => events.push(e) });

    expect(report.ok).toBe(true);
    expect(report.outcome).toBe("applied");
    expect(report.applied.map((a) => a.name)).toEqual(migrations.map((m) => m.name));
    expect(report.applied.every((a) => a.durationMs >= 0 && a.lockRetries === 0)).toBe(true);
    expect(events.map((e) => e.type)).toEqual(["lock-acquired", "migration-start", "migration-applied", "migration-start", "migration-applied"]);

    const columns = await query(
      db.url,
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", len: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", len: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", len: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", len: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", len: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", len: null, is_nullable: "NO", column_default: "0" },
    ]);
    const pk = await query(db.url, `SELECT conname FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass AND contype = 'p'`);
    expect(pk).toEqual([{ conname: "_prisma_migrations_pkey" }]);

    const rows = await query<{ id: string; checksum: string; migration_name: string; finished_at: Date; logs: string | null; applied_steps_count: number; started_at: Date }>(
      db.url,
      "SELECT * FROM _prisma_migrations ORDER BY started_at",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toBe(migrations[i].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }

    const again = await deployMigrations({ url: db.url, migrations });
    expect(again.outcome).toBe("up-to-date");
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(migrations.map((m) => m.name));
  });

  it("stops at a failing migration, records Prisma's logs and runs nothing after it", async () => {
    const failing = ["-- AddColumn", "ALTER TABLE accounts ADD COLUMN plan text;", "", "INSERT INTO missing_table (x)", "  VALUES (1);"].join("\n");
    const migrations = [
      migration("001_accounts", "CREATE TABLE accounts (id int PRIMARY KEY);"),
      migration("002_broken", failing),
      migration("003_after", "CREATE TABLE after_broken (id int);"),
    ];
    const report = await deployMigrations({ url: db.url, migrations });

    expect(report.ok).toBe(false);
    expect(report.outcome).toBe("failed");
    expect(report.applied.map((a) => a.name)).toEqual(["001_accounts"]);
    expect(report.notRun).toEqual(["003_after"]);
    expect(report.failure).toMatchObject({ code: "MIGRATION_FAILED", migration: "002_broken", recordedAs: "failed", partial: false });
    expect(report.failure!.error).toMatchObject({ sqlstate: "42P01", message: 'relation "missing_table" does not exist', line: 4 });
    expect(report.failure!.error!.context!.map((l) => l.text)).toEqual(["-- AddColumn", "ALTER TABLE accounts ADD COLUMN plan text;", "", "INSERT INTO missing_table (x)"]);

    const rows = await query<{ migration_name: string; finished_at: Date | null; logs: string | null; applied_steps_count: number }>(
      db.url,
      "SELECT migration_name, finished_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY started_at",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(["001_accounts", "002_broken"]);
    expect(rows[1].finished_at).toBeNull();
    expect(rows[1].applied_steps_count).toBe(0);
    expect(rows[1].logs).toContain("Migration name: 002_broken");
    expect(rows[1].logs).toContain("Database error code: 42P01");
    expect(rows[1].logs).toContain('ERROR: relation "missing_table" does not exist');
    expect(rows[1].logs).toContain("Position:");
    // The whole file is one implicit transaction: its first statement was rolled back too.
    expect(await query(db.url, "SELECT 1 FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'plan'")).toEqual([]);
    expect(await query(db.url, "SELECT to_regclass('after_broken') AS t")).toEqual([{ t: null }]);

    const refused = await deployMigrations({ url: db.url, migrations }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EngineError);
    expect((refused as EngineError).code).toBe("FAILED_MIGRATION_PRESENT");
    expect((refused as EngineError).message).toContain("`002_broken`");
    expect((refused as EngineError).message).toContain('sluice migrate resolve --rolled-back "002_broken"');
    expect((refused as EngineError).message).toContain('sluice migrate resolve --applied "002_broken"');
  });

  it("says which statements of a file with its own COMMIT may have been applied", async () => {
    const sql = "BEGIN;\nCREATE TABLE part_one (id int);\nCOMMIT;\nCREATE TABLE part_two (id nonexistent_type);";
    const report = await deployMigrations({ url: db.url, migrations: [migration("001_two_parts", sql)] });
    expect(report.failure).toMatchObject({ code: "MIGRATION_FAILED", recordedAs: "failed", partial: true });
    expect(report.failure!.message).toContain("Part of it may have been applied");
    expect(await query(db.url, "SELECT to_regclass('part_one')::text AS t")).toEqual([{ t: "part_one" }]);
  });

  it("honours ?schema= and ignores Prisma-only URL parameters", async () => {
    const url = withParams(db.url, { schema: "tenant_a", connection_limit: "5", pool_timeout: "10", pgbouncer: "true", sslmode: "disable", statement_cache_size: "0" });
    const report = await deployMigrations({ url, migrations: [migration("001_init", "CREATE TABLE things (id int);")] });
    expect(report.ok).toBe(true);
    expect(report.schema).toBe("tenant_a");
    const tables = await query(db.url, "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 2");
    expect(tables).toEqual([
      { table_schema: "tenant_a", table_name: "_prisma_migrations" },
      { table_schema: "tenant_a", table_name: "things" },
    ]);
    const status = await migrationStatus({ url, migrations: [migration("001_init", "CREATE TABLE things (id int);")] });
    expect(status.migrations[0].state).toBe("applied");
    const publicStatus = await migrationStatus({ url: db.url, migrations: [migration("001_init", "CREATE TABLE things (id int);")] });
    expect(publicStatus.historyTableExists).toBe(false);
  });

  it("refuses a populated schema without history, like Prisma's P3005", async () => {
    await query(db.url, "CREATE TABLE legacy (id int)");
    const error = await deployMigrations({ url: db.url, migrations: [migration("001_init", "SELECT 1;")] }).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe("SCHEMA_NOT_EMPTY");
    expect((error as EngineError).message).toContain("legacy");
  });

  it("applies every file shape Prisma accepts: CONCURRENTLY alone, own BEGIN/COMMIT, DO blocks, SET lock_timeout, empty, comments only", async () => {
    const migrations = [
      migration("01_table", "CREATE TABLE orders (id int PRIMARY KEY, customer int);"),
      migration("02_concurrently", "-- Must be alone in its file (as with Prisma)\nCREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer);\n"),
      migration("03_own_tx", "BEGIN;\nALTER TABLE orders ADD COLUMN total numeric;\nCOMMIT;\n"),
      migration("04_do", "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'order_status') THEN\n    CREATE TYPE order_status AS ENUM ('new', 'paid');\n  END IF;\nEND\n$$;"),
      migration("05_own_lock_timeout", "SET lock_timeout = '7s';\nALTER TABLE orders ADD COLUMN status order_status;"),
      migration("06_reads_session", "CREATE TABLE session_seen AS SELECT current_setting('lock_timeout') AS lock_timeout;"),
      migration("07_empty", ""),
      migration("08_comments", "-- nothing to do here\n/* really nothing */\n"),
      migration("09_trailing_comment", "CREATE TABLE tail_note (id int); -- no newline after this comment"),
    ];
    const report = await deployMigrations({ url: db.url, migrations });
    expect(report.failure).toBeNull();
    expect(report.applied.map((a) => a.name)).toEqual(migrations.map((m) => m.name));
    expect(await query(db.url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_customer_idx'::regclass")).toEqual([{ indisvalid: true }]);
    // A plain DDL file is recorded finished by the transaction that ran it; CONCURRENTLY cannot share one.
    const sameTransaction = (name: string, relation: string) =>
      query(db.url, "SELECT m.xmin::text = c.xmin::text AS same FROM _prisma_migrations m, pg_class c WHERE m.migration_name = $1 AND c.relname = $2", [name, relation]);
    expect(await sameTransaction("09_trailing_comment", "tail_note")).toEqual([{ same: true }]);
    expect(await sameTransaction("02_concurrently", "orders_customer_idx")).toEqual([{ same: false }]);
    // A file's own SET must not leak into the next migration: each starts from the configured timeouts.
    expect(await query(db.url, "SELECT lock_timeout FROM session_seen")).toEqual([{ lock_timeout: "2s" }]);
  });

  it("applies CONCURRENTLY next to other statements one statement at a time (Prisma fails with 25001)", async () => {
    const sql = "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);";
    const report = await deployMigrations({ url: db.url, migrations: [migration("01_mixed", sql)] });
    expect(report.ok).toBe(true);
    expect(await query(db.url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id'::regclass")).toEqual([{ indisvalid: true }]);
  });
});
