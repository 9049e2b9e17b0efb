import { randomBytes } from "node:crypto";
import pg from "pg";
import { databaseUrl } from "../postgres/urls";

/** The server the integration tests run against (see global-setup.ts). */
export function testServerUrl(): string {
  const url = process.env.SLUICE_TEST_SERVER_URL;
  if (!url) throw new Error("SLUICE_TEST_SERVER_URL is not set: run tests through vitest (global setup)");
  return url.replace(/\/+$/, "");
}

/**
 * The local PostgreSQL on 127.0.0.1:5432 when one answers (the CI machine runs one),
 * so engine tests run on both it and the embedded server. Null when absent.
 */
export async function secondaryServerUrl(): Promise<string | null> {
  const url = process.env.SLUICE_TEST_SECONDARY_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432";
  const client = new pg.Client({ connectionString: `${url}/postgres`, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return null;
  }
}

export { databaseUrl } from "../postgres/urls";

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

/** Creates a fresh, uniquely named database; drop() removes it (terminating leftover sessions). */
export async function createTestDatabase(prefix = "t", serverUrl = testServerUrl()): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`.toLowerCase();
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs one statement on a database over its own short-lived connection and returns the rows. */
export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
