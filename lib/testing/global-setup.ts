import path from "node:path";
import net from "node:net";
import { rmSync } from "node:fs";
import { EmbeddedServerAlreadyRunning, startEmbeddedPostgres } from "../postgres/embedded";

/** The preferred port when free, else any free one the OS gives. */
async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const { port: bound } = server.address() as net.AddressInfo;
        server.close(() => resolve(bound));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0))!;
}

/**
 * Integration tests talk to a real PostgreSQL. By default that is an embedded
 * server started here for the run; with SLUICE_TEST_SERVER_URL (a URL without
 * a database, e.g. postgres://postgres@127.0.0.1:5432) the tests use that one.
 * Each test file creates and drops its own databases on it (lib/testing/databases.ts).
 */
export default async function setup() {
  if (process.env.SLUICE_TEST_SERVER_URL) return;
  const preferredPort = Number(process.env.SLUICE_TEST_PG_PORT ?? 54339);
  let dataDir = path.resolve(".sluice/test-pg");
  let throwaway = false;
  let server;
  try {
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(preferredPort) });
  } catch (error) {
    if (!(error instanceof EmbeddedServerAlreadyRunning)) throw error;
    // Another test run owns the shared server: this run gets a private one.
    dataDir = path.resolve(`.sluice/test-pg-${process.pid}`);
    throwaway = true;
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(0) });
  }
  process.env.SLUICE_TEST_SERVER_URL = server.serverUrl;
  return async () => {
    await server.stop();
    if (throwaway) rmSync(dataDir, { recursive: true, force: true });
  };
}
