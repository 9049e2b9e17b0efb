import pg from "pg";
import { deployMigrations, readMigrationsDir } from "@/lib/engine";
import { RISCURA_APPLIED_COUNT, RISCURA_MIGRATIONS_DIR } from "./riscura";
import { populateTenantData, type TenantDataSize } from "./tenant-data";

export { RISCURA_MIGRATIONS_DIR };

export type RiscuraEnvironment = "dev" | "staging" | "prod";
export type RiscuraTarget = { environment: RiscuraEnvironment; database: string };

export const RISCURA_TARGETS: readonly RiscuraTarget[] = [
  { environment: "dev", database: "riscura_dev" },
  { environment: "staging", database: "riscura_staging" },
  { environment: "prod", database: "riscura_prod" },
];

/** Sizes grow along the promotion chain, so lint severities and deploy timings differ per environment. */
export const RISCURA_DATA_SIZES: Record<RiscuraEnvironment, TenantDataSize> = {
  dev: { organizations: 8, scale: 0.5 },
  staging: { organizations: 40, scale: 0.75 },
  prod: { organizations: 200, scale: 1 },
};

export type SeededTarget = RiscuraTarget & {
  /** "existing": the database already held the demo and was left alone. */
  outcome: "seeded" | "existing";
  /** Migrations this run applied (none when existing). */
  applied: string[];
  /** Exact row count per table in schema public. */
  rows: Record<string, number>;
  durationMs: number;
};

export type SeedOptions = {
  log?: (line: string) => void;
  /** Other database names, e.g. for tests; defaults to RISCURA_TARGETS. */
  targets?: readonly RiscuraTarget[];
};

/**
 * Makes riscura_dev, riscura_staging and riscura_prod exist on the server with migrations
 * 000–004 applied through Sluice's engine and tenant data loaded. Idempotent: a database that
 * already holds the demo's data is left untouched.
 */
export async function seedRiscuraTargets(serverUrl: string, opts: SeedOptions = {}): Promise<SeededTarget[]> {
  const log = opts.log ?? (() => {});
  const migrations = (await readMigrationsDir(RISCURA_MIGRATIONS_DIR)).slice(0, RISCURA_APPLIED_COUNT);
  const seeded: SeededTarget[] = [];
  for (const target of opts.targets ?? RISCURA_TARGETS) {
    const started = performance.now();
    await ensureDatabase(serverUrl, target.database);
    const url = withDatabase(serverUrl, target.database);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      if (await holdsDemoData(client)) {
        log(`${target.database}: already holds the Riscura demo, left as is`);
        seeded.push({ ...target, outcome: "existing", applied: [], rows: await rowCounts(client), durationMs: elapsed(started) });
        continue;
      }
      const report = await deployMigrations({ url, migrations, applicationName: "sluice-demo-seed" });
      if (!report.ok) {
        const failure = report.failure;
        throw new Error(`Deploying Riscura migrations to ${target.database} failed at ${failure?.migration}: ${failure?.message}`);
      }
      const loading = performance.now();
      await populateTenantData(client, RISCURA_DATA_SIZES[target.environment]);
      const loadMs = elapsed(loading);
      const rows = await rowCounts(client);
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      const durationMs = elapsed(started);
      log(`${target.database}: applied ${report.applied.length} migrations, loaded ${total.toLocaleString("en-US")} rows in ${seconds(loadMs)} (${seconds(durationMs)} in all)`);
      seeded.push({ ...target, outcome: "seeded", applied: report.applied.map((m) => m.name), rows, durationMs });
    } finally {
      await client.end();
    }
  }
  return seeded;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
    await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } catch (error) {
    // Another seeder created it between the check and the CREATE.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end();
  }
}

/** The demo's schema with tenants in it: a half-seeded database (no tenants yet) is finished instead. */
async function holdsDemoData(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ organization: string | null }>(`SELECT to_regclass('public."Organization"')::text AS organization`);
  if (!rows[0].organization) return false;
  const { rowCount } = await client.query(`SELECT 1 FROM "Organization" LIMIT 1`);
  return Boolean(rowCount);
}

async function rowCounts(client: pg.Client): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1`,
  );
  if (!tables.length) return {};
  const { rows } = await client.query<{ name: string; n: string }>(
    tables.map((t) => `SELECT '${t.name.replace(/'/g, "''")}' AS name, count(*) AS n FROM public.${quoteIdent(t.name)}`).join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}
