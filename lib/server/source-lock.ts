import pg from "pg";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * One fetch of a project's source at a time, across every web server and worker: a session
 * advisory lock on the control plane's database, on a connection of its own held for the
 * length of the fetch (a pooled Prisma connection would be blocked, and a transaction would
 * stay open on the network). A crash releases it with the connection.
 */

/** Two-key advisory locks live apart from the single-key ones (Prisma's 72707369, the audit chain's). */
const SOURCE_LOCK_CLASS = 72707370;
const LOCK_NOT_AVAILABLE = "55P03";

export async function withSourceLock<T>(projectId: string, work: () => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const waitMs = options.waitMs ?? 180_000;
  const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "sluice-source-lock" });
  await client.connect();
  try {
    await client.query(`SET lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
    try {
      await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [SOURCE_LOCK_CLASS, projectId]);
    } catch (error) {
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) {
        throw new AppError("CONFLICT", "Another fetch of this project's repository is still running; try again in a minute.");
      }
      throw error;
    }
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [SOURCE_LOCK_CLASS, projectId]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
