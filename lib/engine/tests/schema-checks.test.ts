import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/databases";
import { deployMigrations, detectDrift, diffCatalogs, migrationStatus, planMigrations, rehearseMigrations, snapshotCatalog } from "../index";
import { enginesServers, migration, query } from "./helpers";

const servers = await enginesServers();

const schemaMigrations = [
  migration("001_orgs", "CREATE TABLE orgs (id serial PRIMARY KEY, name text NOT NULL DEFAULT 'acme');", { down: "DROP TABLE orgs;" }),
  migration(
    "002_risks",
    `CREATE TYPE risk_level AS ENUM ('low', 'high');
CREATE TABLE risks (id serial PRIMARY KEY, "orgId" int NOT NULL REFERENCES orgs(id), level risk_level NOT NULL);
CREATE INDEX risks_org_idx ON risks ("orgId");
ALTER TABLE risks ENABLE ROW LEVEL SECURITY;
CREATE POLICY risks_tenant ON risks USING ("orgId" = current_setting('app.org')::int);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER risks_touch BEFORE UPDATE ON risks FOR EACH ROW EXECUTE FUNCTION touch();`,
    { down: "DROP TABLE risks;\nDROP FUNCTION touch();\nDROP TYPE risk_level;" },
  ),
];

describe.each(servers)("verify, rehearsal, drift and plan on %s", (_label, serverUrl) => {
  const databases: TestDatabase[] = [];
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase("engine_schema", serverUrl);
    databases.push(db);
  });
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it("fails a deploy whose verify.sql returns rows, reporting the rows, and can roll it back", async () => {
    const seed = migration("001_seed", "CREATE TABLE accounts (id int PRIMARY KEY, email text);\nINSERT INTO accounts VALUES (1, NULL), (2, 'a@b.c');");
    const check = migration("002_require_email", "UPDATE accounts SET email = email;", {
      verify: "SELECT 1 WHERE false;\nSELECT id FROM accounts WHERE email IS NULL;",
      down: "SELECT 1;",
    });
    const after = migration("003_after", "CREATE TABLE later (id int);");
    const report = await deployMigrations({ url: db.url, migrations: [seed, check, after], rollbackOnVerifyFailure: true });
    expect(report.outcome).toBe("failed");
    expect(report.failure).toMatchObject({ code: "VERIFY_FAILED", migration: "002_require_email", recordedAs: "rolled_back" });
    expect(report.failure!.verify).toMatchObject({ query: 2, rows: [{ id: 1 }], rowCount: 1 });
    expect(report.notRun).toEqual(["003_after"]);
    const status = await migrationStatus({ url: db.url, migrations: [seed, check, after] });
    expect(status.migrations.map((m) => m.state)).toEqual(["applied", "rolled_back", "pending"]);

    await query(db.url, "UPDATE accounts SET email = 'x@y.z' WHERE email IS NULL");
    const retry = await deployMigrations({ url: db.url, migrations: [seed, check, after] });
    expect(retry.applied.map((a) => a.name)).toEqual(["002_require_email", "003_after"]);
  });

  it("rehearses up → down → up and passes when every down.sql restores the catalog", async () => {
    const report = await rehearseMigrations({ serverUrl, migrations: schemaMigrations });
    expect(report.failure).toBeNull();
    expect(report.steps.map((s) => [s.migration, s.outcome])).toEqual([
      ["001_orgs", "rehearsed"],
      ["002_risks", "rehearsed"],
    ]);
    const leftovers = await query(`${serverUrl}/postgres`, "SELECT datname FROM pg_database WHERE datname = $1", [report.database]);
    expect(leftovers).toEqual([]);
  });

  it("names the first catalog difference a down.sql leaves behind", async () => {
    const sloppy = [schemaMigrations[0], { ...schemaMigrations[1], downSql: "DROP TABLE risks;\nDROP FUNCTION touch();" }];
    const report = await rehearseMigrations({ serverUrl, migrations: sloppy });
    expect(report.ok).toBe(false);
    const step = report.steps.at(-1)!;
    expect(step).toMatchObject({ migration: "002_risks", outcome: "down-leaves-difference" });
    expect(step.difference).toMatchObject({ object: "type public.risk_level", change: "extra" });
    expect(report.failure).toContain("type public.risk_level is unexpected");
  });

  it("detects each kind of catalog change: column default, RLS flag, policy, index, enum label", async () => {
    await deployMigrations({ url: db.url, migrations: schemaMigrations });
    const before = await snapshotCatalog(db.url);
    await query(
      db.url,
      `ALTER TABLE orgs ALTER COLUMN name SET DEFAULT 'other';
       ALTER TABLE risks FORCE ROW LEVEL SECURITY;
       DROP POLICY risks_tenant ON risks;
       CREATE INDEX orgs_name_idx ON orgs (name);
       ALTER TYPE risk_level ADD VALUE 'medium' BEFORE 'high';`,
    );
    const diff = diffCatalogs(before, await snapshotCatalog(db.url));
    expect(diff.map((d) => [d.object, d.change])).toEqual([
      ["type public.risk_level", "changed"],
      ["relation public.risks", "changed"],
      ["column public.orgs.name", "changed"],
      ["index public.orgs_name_idx", "extra"],
      ["policy public.risks.risks_tenant", "missing"],
    ]);
    expect(diff[2].attributes).toEqual([{ name: "default", expected: "'acme'::text", actual: "'other'::text" }]);
  });

  it("reports no drift for a faithful database and each hand-made change otherwise", async () => {
    await deployMigrations({ url: db.url, migrations: schemaMigrations });
    const clean = await detectDrift({ url: db.url, migrations: schemaMigrations });
    expect(clean.differences).toEqual([]);
    expect(clean.replayed).toEqual(["001_orgs", "002_risks"]);

    await query(db.url, "ALTER TABLE orgs ADD COLUMN hotfix boolean; DROP INDEX risks_org_idx;");
    const drifted = await detectDrift({ url: db.url, migrations: schemaMigrations });
    expect(drifted.catalog.map((d) => [d.object, d.change])).toEqual([
      ["column public.orgs.hotfix", "extra"],
      ["index public.risks_org_idx", "missing"],
    ]);
  });

  it("plans what deploy would run, in order, with locks, and changes nothing", async () => {
    await deployMigrations({ url: db.url, migrations: [schemaMigrations[0]] });
    const next = migration("003_alter", "ALTER TABLE orgs ADD COLUMN plan text;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orgs_plan ON orgs (plan);");
    const plan = await planMigrations({ url: db.url, migrations: [...schemaMigrations, next] });
    expect(plan.blockers).toEqual([]);
    expect(plan.migrations.map((m) => [m.order, m.name, m.strongestLock])).toEqual([
      [1, "002_risks", "ACCESS EXCLUSIVE"],
      [2, "003_alter", "ACCESS EXCLUSIVE"],
    ]);
    expect(plan.migrations[1].statements!.map((s) => [s.line, s.relation, s.lock])).toEqual([
      [1, "orgs", "ACCESS EXCLUSIVE"],
      [2, "orgs", "SHARE UPDATE EXCLUSIVE"],
    ]);
    expect(await query(db.url, "SELECT count(*)::int AS n FROM _prisma_migrations")).toEqual([{ n: 1 }]);
  });
});
