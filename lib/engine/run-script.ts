import type { Session } from "./connection";
import { withSideConnection } from "./connection";
import { statementsToRunSeparately } from "./script-statements";

/**
 * Sends a whole migration file as ONE simple-protocol query, as Prisma does: no parameters,
 * so the server runs it as written (own BEGIN/COMMIT, DO blocks, a lone CREATE INDEX
 * CONCURRENTLY). A file that combines statements PostgreSQL refuses in a transaction block
 * with others is sent statement by statement instead (see script-statements.ts).
 * When `signal` aborts, the statement in flight is cancelled from a second
 * connection with pg_cancel_backend, the only way to interrupt a running query.
 */
export async function runScript(session: Session, url: string, sql: string, signal?: AbortSignal): Promise<void> {
  const cancel = () => {
    void withSideConnection(url, (side) => side.query("SELECT pg_cancel_backend($1)", [session.pid])).catch(() => undefined);
  };
  signal?.addEventListener("abort", cancel, { once: true });
  try {
    const separately = await statementsToRunSeparately(sql);
    if (!separately) {
      await session.client.query(sql);
      return;
    }
    for (const statement of separately) {
      // Same shape as the server's own cancel (SQLSTATE 57014), so the failure is reported as a cancel.
      if (signal?.aborted) throw Object.assign(new Error("canceling statement due to user request"), { code: "57014", severity: "ERROR" });
      await session.client.query(statement);
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
}

/**
 * After a failed script the session may sit in an aborted explicit transaction (the file's own
 * BEGIN); end it so the bookkeeping that follows can run. Outside a transaction this is a no-op
 * warning.
 */
export async function endAbortedTransaction(session: Session): Promise<boolean> {
  try {
    await session.client.query("ROLLBACK");
    return true;
  } catch {
    return false;
  }
}

export function sessionSettingsSql(lockTimeoutMs: number, statementTimeoutMs: number): string {
  return `SET lock_timeout = ${Math.max(0, Math.floor(lockTimeoutMs))}; SET statement_timeout = ${Math.max(0, Math.floor(statementTimeoutMs))}`;
}
