import { parse } from "libpg-query";

// Statements PostgreSQL refuses inside a transaction block (PreventInTransactionBlock).
const NEVER_IN_TRANSACTION = new Set(["VacuumStmt", "CreatedbStmt", "DropdbStmt", "AlterSystemStmt", "CreateTableSpaceStmt", "DropTableSpaceStmt", "CreateSubscriptionStmt", "DropSubscriptionStmt"]);

function isConcurrent(kind: string, body: Record<string, unknown>): boolean {
  if (kind === "IndexStmt") return body.concurrent === true;
  if (kind === "DropStmt") return body.concurrent === true;
  if (kind === "ReindexStmt") return JSON.stringify(body.params ?? []).includes('"defname":"concurrently"');
  return false;
}

// Only files that mention one of these words can need splitting: a cheap check that keeps
// the parser off the hot path of ordinary migrations.
const MAYBE_NON_TRANSACTIONAL = /concurrently|vacuum|database|system|tablespace|subscription/i;

/**
 * PostgreSQL runs a multi-statement simple query as one implicit transaction, so a Prisma
 * file holding two `CREATE INDEX CONCURRENTLY` (or one plus a `SET`) fails with "cannot run
 * inside a transaction block" under `prisma migrate deploy`. Sluice sends such a file the way
 * `psql -f` does instead: one statement at a time. Returns the statements to send one by one,
 * or null when the file should be sent whole, as Prisma sends it (including every file with
 * its own BEGIN/COMMIT, whose author chose the transaction boundaries).
 */
export async function statementsToRunSeparately(sql: string): Promise<string[] | null> {
  if (!MAYBE_NON_TRANSACTIONAL.test(sql)) return null;
  let stmts;
  try {
    stmts = (await parse(sql)).stmts ?? [];
  } catch {
    return null; // the server will report the syntax error, exactly as Prisma would
  }
  if (stmts.length < 2) return null;
  const kinds = stmts.map((s) => Object.entries((s.stmt ?? {}) as Record<string, Record<string, unknown>>)[0] ?? ["", {}]);
  if (kinds.some(([kind]) => kind === "TransactionStmt")) return null;
  if (!kinds.some(([kind, body]) => NEVER_IN_TRANSACTION.has(kind) || isConcurrent(kind, body))) return null;
  // stmt_location and stmt_len count bytes of the UTF-8 text; the first location is omitted (0).
  const bytes = Buffer.from(sql, "utf8");
  return stmts.map((s, i) => {
    const start = s.stmt_location ?? 0;
    const end = s.stmt_len ? start + s.stmt_len : i === stmts.length - 1 ? bytes.length : (stmts[i + 1].stmt_location ?? bytes.length);
    return bytes.subarray(start, end).toString("utf8").trim();
  });
}
