import type { Session } from "./connection";
import { EngineError } from "./errors";

/** Prisma Migrate's advisory lock key: holding it excludes `prisma migrate deploy` too. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export type LockHolder = {
  pid: number;
  applicationName: string;
  user: string | null;
  clientAddr: string | null;
  backendStart: Date | null;
  state: string | null;
  query: string | null;
};

const POLL_MS = 100;

/**
 * Takes the lock by polling pg_try_advisory_lock rather than blocking in pg_advisory_lock,
 * so the wait is bounded, cancellable, and on timeout we can still ask who holds it.
 */
export async function acquireAdvisoryLock(session: Session, waitMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const result = await session.client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY}) AS locked`);
    if (result.rows[0].locked) return;
    if (signal?.aborted) throw new EngineError("CANCELLED", "Cancelled while waiting for the migration advisory lock; nothing was applied.");
    if (Date.now() >= deadline) {
      const holders = await lockHolders(session);
      const who = holders.length
        ? holders
            .map((h) => `pid ${h.pid} (application "${h.applicationName}", user ${h.user ?? "?"}, connected since ${h.backendStart?.toISOString() ?? "?"}, ${h.state ?? "unknown state"})`)
            .join("; ")
        : "a session that has since gone";
      throw new EngineError(
        "ADVISORY_LOCK_TIMEOUT",
        `Timed out after ${waitMs} ms waiting for the migration advisory lock (pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})), held by ${who}. ` +
          `Another deploy (Sluice or prisma migrate) is running on this database; nothing was applied.`,
        { holders, waitMs },
      );
    }
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())), signal);
  }
}

export async function releaseAdvisoryLock(session: Session): Promise<void> {
  await session.client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
}

/** Sessions holding Prisma's lock in this database (a bigint key shows as classid 0 / objid key / objsubid 1). */
export async function lockHolders(session: Session): Promise<LockHolder[]> {
  const result = await session.client.query<{
    pid: number;
    application_name: string;
    usename: string | null;
    client_addr: string | null;
    backend_start: Date | null;
    state: string | null;
    query: string | null;
  }>(
    `SELECT a.pid, a.application_name, a.usename, host(a.client_addr) AS client_addr, a.backend_start, a.state, a.query
       FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
        AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
        AND a.pid <> pg_backend_pid()`,
    [PRISMA_ADVISORY_LOCK_KEY],
  );
  return result.rows.map((row) => ({
    pid: row.pid,
    applicationName: row.application_name,
    user: row.usename,
    clientAddr: row.client_addr,
    backendStart: row.backend_start,
    state: row.state,
    query: row.query,
  }));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
