/**
 * `npm run bench:engine`: applies the same ≥1,000 generated migrations with the Sluice engine,
 * with `psql -f` per file, with one psql session including every file, and with dbmate, each
 * on a fresh database, then checks the three schemas are identical and writes the figures to
 * docs/benchmarks.md. Options: --count N (1000), --runs R (3), --server URL (127.0.0.1:5432).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { deployMigrations, diffCatalogs, readMigrationsDir, snapshotCatalog, type CatalogSnapshot } from "../../lib/engine";
import { generateMigrations } from "./generate";

const ROOT = path.resolve(__dirname, "../..");
const WORK = path.join(ROOT, "bench/.work/engine");
const DOC = path.join(ROOT, "docs/benchmarks.md");
const START = "<!-- bench:engine:start -->";
const END = "<!-- bench:engine:end -->";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    server: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
  },
});
const count = Number(values.count);
const runs = Number(values.runs);
const server = values.server!.replace(/\/+$/, "");

type Tool = { id: string; label: string; apply: (url: string) => Promise<void> };

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function writeSources() {
  rmSync(WORK, { recursive: true, force: true });
  const prismaDir = path.join(WORK, "prisma");
  const dbmateDir = path.join(WORK, "dbmate");
  mkdirSync(dbmateDir, { recursive: true });
  const migrations = generateMigrations(count);
  for (const m of migrations) {
    mkdirSync(path.join(prismaDir, m.name), { recursive: true });
    writeFileSync(path.join(prismaDir, m.name, "migration.sql"), m.sql);
    // dbmate wraps each file in a transaction unless told not to; CONCURRENTLY cannot run in one.
    const up = m.concurrently ? "-- migrate:up transaction:false" : "-- migrate:up";
    writeFileSync(path.join(dbmateDir, `${m.name}.sql`), `${up}\n${m.sql}\n-- migrate:down\n`);
  }
  writeFileSync(path.join(prismaDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  const include = migrations.map((m) => `\\i '${path.join(prismaDir, m.name, "migration.sql")}'`).join("\n");
  writeFileSync(path.join(WORK, "all.psql"), `\\set ON_ERROR_STOP 1\n${include}\n`);
  return { prismaDir, dbmateDir, files: migrations.map((m) => path.join(prismaDir, m.name, "migration.sql")) };
}

async function main() {
  const { prismaDir, dbmateDir, files } = writeSources();
  const loadBefore = os.loadavg()[0];
  const psqlArgs = (url: string) => ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url];
  const tools: Tool[] = [
    {
      id: "engine",
      label: "Sluice engine (`deployMigrations`)",
      apply: async (url) => {
        const report = await deployMigrations({ url, migrations: await readMigrationsDir(prismaDir) });
        if (!report.ok || report.applied.length !== count) throw new Error(`engine: ${report.failure?.message ?? "not everything applied"}`);
      },
    },
    {
      id: "psql-per-file",
      label: "`psql -f` per file",
      apply: async (url) => {
        for (const file of files) execFileSync("psql", [...psqlArgs(url), "-f", file], { stdio: ["ignore", "ignore", "pipe"] });
      },
    },
    {
      id: "psql-session",
      label: "one `psql` session, `\\i` per file",
      apply: async (url) => {
        execFileSync("psql", [...psqlArgs(url), "-f", path.join(WORK, "all.psql")], { stdio: ["ignore", "ignore", "pipe"] });
      },
    },
    {
      id: "dbmate",
      label: "dbmate 2.36 `up`",
      apply: async (url) => {
        execFileSync(path.join(ROOT, "node_modules/.bin/dbmate"), ["--url", `${url}?sslmode=disable`, "--migrations-dir", dbmateDir, "--no-dump-schema", "up"], {
          stdio: ["ignore", "ignore", "pipe"],
        });
      },
    },
  ];

  const timings: Record<string, number[]> = {};
  const schemas: Record<string, CatalogSnapshot> = {};
  for (let run = 0; run < runs; run++) {
    // Rotate the order so no tool always runs on a warmer server.
    for (const tool of [...tools.slice(run % tools.length), ...tools.slice(0, run % tools.length)]) {
      const database = `bench_engine_${tool.id.replace(/-/g, "_")}_${run}`;
      await admin(`DROP DATABASE IF EXISTS ${database}`);
      await admin(`CREATE DATABASE ${database}`);
      const url = `${server}/${database}`;
      const t0 = performance.now();
      await tool.apply(url);
      const ms = performance.now() - t0;
      (timings[tool.id] ??= []).push(ms);
      if (run === 0) schemas[tool.id] = withoutBookkeeping(await snapshotCatalog(url));
      await admin(`DROP DATABASE ${database}`);
      console.log(`run ${run + 1}/${runs}  ${tool.id.padEnd(14)} ${Math.round(ms)} ms`);
    }
  }

  const differences = Object.keys(schemas)
    .filter((id) => id !== "engine")
    .map((id) => ({ id, first: diffCatalogs(schemas.engine, schemas[id])[0] }));
  for (const d of differences) if (d.first) console.log(`schema differs from ${d.id}: ${d.first.message}`);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = tools.map((tool) => ({ ...tool, median: median(timings[tool.id]), best: Math.min(...timings[tool.id]), all: timings[tool.id] }));
  const version = await serverVersion();
  const section = render(results, version, differences.every((d) => !d.first), [loadBefore, os.loadavg()[0]]);
  console.log(section);
  writeSection(section);
}

// Each tool keeps its own history table; the schemas they build must otherwise be identical.
function withoutBookkeeping(snapshot: CatalogSnapshot): CatalogSnapshot {
  return Object.fromEntries(Object.entries(snapshot).filter(([key]) => !/schema_migrations/.test(key)));
}

async function serverVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("SELECT split_part(version(), ' on ', 1) AS v")).rows[0].v;
  } finally {
    await client.end();
  }
}

function render(results: (Tool & { median: number; best: number; all: number[] })[], version: string, identical: boolean, load: number[]): string {
  const cpu = os.cpus();
  const [engine] = results;
  const rows = results.map((r) => {
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    return `| ${r.label} | ${Math.round(r.median)} | ${Math.round(r.best)} | ${(r.best / count).toFixed(2)} | ${ratio(engine.median, r.median)} | ${ratio(engine.best, r.best)} | ${r.all.map((x) => Math.round(x)).join(", ")} |`;
  });
  return `${START}
## Migration engine: applying ${count} migrations

\`npm run bench:engine\` (bench/engine/run.ts), ${new Date().toISOString().slice(0, 10)}. Machine: ${cpu.length} cores (${cpu[0]?.model.trim()}),
${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${version} on 127.0.0.1:5432. Each tool applies the same
${count} generated Prisma-style migrations (tables with indexes and foreign keys, added columns, enums, backfills,
functions and triggers, views, RLS policies, some \`CREATE INDEX CONCURRENTLY\` alone in their file) to a fresh
database; ${results[0].all.length} runs, tool order rotated between runs. Resulting schemas identical
(catalog comparison, history tables aside): ${identical ? "yes" : "**no**"}. The machine is shared (other work ran
alongside: 1-minute load average ${load.map((l) => l.toFixed(1)).join(" → ")} on ${cpu.length} cores), so runs vary;
"best" is the least disturbed run of each tool.

| tool | median ms | best ms | best ms / migration | engine ÷ tool (median) | engine ÷ tool (best) | runs (ms) |
|---|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

The engine does what \`prisma migrate deploy\` does per migration (history row before, script as one
simple-protocol query, row finished after) on one reused connection with two round trips per migration:
one batch that re-sends the session timeouts and inserts the row (asynchronous commit: it becomes durable with
the script's commit), then the script with its "finished" UPDATE appended when the file runs as a single
transaction (files with their own COMMIT or CONCURRENTLY get it in the next batch instead). \`psql -f\` per file pays a process and a connection per file; the single psql session is the floor
(no bookkeeping, no per-file transaction). dbmate wraps each file in a transaction and records it in
\`schema_migrations\`.
${END}`;
}

function writeSection(section: string) {
  const current = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next = start !== -1 && end !== -1 ? current.slice(0, start) + section + current.slice(end + END.length) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
