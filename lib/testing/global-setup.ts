import path from "node:path";
import { startEmbeddedPostgres } from "../postgres/embedded";

/**
 * Integration tests talk to a real PostgreSQL. By default that is an embedded
 * server started here for the run; with SLUICE_TEST_SERVER_URL (a URL without
 * a database, e.g. postgres://postgres@127.0.0.1:5432) the tests use that one.
 * Each test file creates and drops its own databases on it (lib/testing/databases.ts).
 */
export default async function setup() {
  if (process.env.SLUICE_TEST_SERVER_URL) return;
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(".sluice/test-pg"),
    port: Number(process.env.SLUICE_TEST_PG_PORT ?? 54339),
  });
  process.env.SLUICE_TEST_SERVER_URL = server.serverUrl;
  return async () => {
    await server.stop();
  };
}
