import pg from "pg";
import { EngineError } from "./errors";
import { quoteIdent } from "./sql-text";
import { parseDatabaseUrl, redactUrl, type TargetDatabase } from "./url";

export type Session = {
  client: pg.Client;
  target: TargetDatabase;
  /** Backend pid, so a second connection can cancel what this one runs. */
  pid: number;
  /** `"schema"."_prisma_migrations"` */
  historyTable: string;
  close: () => Promise<void>;
};

/**
 * One connection for a whole run, as Prisma uses: the advisory lock is session-scoped
 * and the bookkeeping must see what the scripts did.
 */
export async function openSession(url: string, applicationName = "sluice"): Promise<Session> {
  const target = parseDatabaseUrl(url);
  const client = new pg.Client({ ...target.config, application_name: target.config.application_name ?? applicationName });
  // A dropped connection must surface on the pending query, not crash the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw unreachable(url, error);
  }
  const result = await client.query<{ pid: number }>(`SET search_path TO ${quoteIdent(target.schema)}; SELECT pg_backend_pid() AS pid`);
  const rows = (result as unknown as pg.QueryResult<{ pid: number }>[])[1].rows;
  return {
    client,
    target,
    pid: rows[0].pid,
    historyTable: `${quoteIdent(target.schema)}."_prisma_migrations"`,
    close: () => client.end().catch(() => undefined),
  };
}

export function unreachable(url: string, error: unknown): EngineError {
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  return new EngineError("UNREACHABLE", `Cannot connect to ${redactUrl(url)}: ${reason}`, { url: redactUrl(url), cause: code ?? null });
}

/** Runs `fn` on a fresh short-lived connection (cancelling, inspecting lock holders). */
export async function withSideConnection<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const target = parseDatabaseUrl(url);
  const client = new pg.Client({ ...target.config, application_name: "sluice-monitor" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
