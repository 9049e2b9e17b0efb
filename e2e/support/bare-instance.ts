import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * A second Sluice started inside a spec, the way a team installs it: `npm start` with
 * SLUICE_DEMO=0 on an empty data directory. It serves the build the suite's own instance
 * made (same build folder), so starting it costs seconds, not a build.
 */
export type BareInstance = {
  baseUrl: string;
  port: number;
  pgPort: number;
  dataDir: string;
  /** postgres:// URL of the instance's embedded server, without a database. */
  serverUrl: string;
  /** Everything the instance printed so far (stdout and stderr). */
  output(): string;
  /** Runs one query in a database of the instance's embedded server. */
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(database: string, text: string, values?: unknown[]): Promise<Row[]>;
  stop(): Promise<void>;
};

const ROOT = path.resolve(__dirname, "..", "..");

export async function startBareInstance(options: { port: number; pgPort: number; env?: Record<string, string> }): Promise<BareInstance> {
  const dataDir = path.join(ROOT, ".sluice", `e2e-bare-${options.port}`);
  rmSync(dataDir, { recursive: true, force: true });
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "start.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: "",
      SLUICE_DEMO: "0",
      SLUICE_DATA_DIR: dataDir,
      PORT: String(options.port),
      SLUICE_PG_PORT: String(options.pgPort),
      SLUICE_NEXT_DIST_DIR: process.env.SLUICE_E2E_DIST_DIR || ".next-e2e",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://localhost:${options.port}`;
  const serverUrl = `postgres://postgres:sluice-embedded@127.0.0.1:${options.pgPort}`;

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bare instance exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/sign-in`);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the bare instance did not answer within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }

  return {
    baseUrl,
    port: options.port,
    pgPort: options.pgPort,
    dataDir,
    serverUrl,
    output: () => output,
    async query(database, text, values = []) {
      const client = new pg.Client({ connectionString: `${serverUrl}/${database}` });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
