import { randomBytes } from "node:crypto";
import pg from "pg";
import { unreachable } from "./connection";
import { quoteIdent } from "./sql-text";
import { parseDatabaseUrl } from "./url";

export type ScratchDatabase = { name: string; url: string; drop: () => Promise<void> };

/**
 * A throwaway database on the same server as `url` (rehearsals, drift replays). It keeps the
 * URL's parameters, so `?schema=` applies to the scratch copy as it does to the real one.
 */
export async function createScratchDatabase(url: string, purpose: string): Promise<ScratchDatabase> {
  const name = `sluice_${purpose}_${randomBytes(5).toString("hex")}`;
  await admin(url, `CREATE DATABASE ${quoteIdent(name)}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { name, url: scratch.toString(), drop: () => admin(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`) };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ ...parseDatabaseUrl(url).config, database: "postgres", application_name: "sluice-scratch" });
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw unreachable(url, error);
  }
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}
