import type pg from "pg";
import type { Session } from "./connection";
import { describeDatabaseError } from "./error-logs";
import { endAbortedTransaction } from "./run-script";
import type { DatabaseErrorInfo } from "./types";

export type VerifyProblem = {
  /** 1-based index of the first query of verify.sql that returned rows. */
  query?: number;
  /** Up to 20 offending rows. */
  rows?: Record<string, unknown>[];
  rowCount?: number;
  error?: DatabaseErrorInfo;
  message: string;
};

const MAX_ROWS = 20;

/**
 * verify.sql holds queries that must return no rows once the migration is in (e.g. orphans a
 * new FK should have prevented). Any row is a failed verification, reported with the rows.
 */
export async function runVerify(session: Session, migrationName: string, sql: string): Promise<VerifyProblem | null> {
  let results: pg.QueryResult[];
  try {
    const result = (await session.client.query(sql)) as pg.QueryResult | pg.QueryResult[];
    results = Array.isArray(result) ? result : [result];
  } catch (error) {
    await endAbortedTransaction(session);
    const info = describeDatabaseError(error, sql);
    return { error: info, message: `verify.sql of ${migrationName} failed to run: ${info.message}` };
  }
  const index = results.findIndex((r) => (r.rows?.length ?? 0) > 0);
  if (index === -1) return null;
  const offending = results[index];
  return {
    query: index + 1,
    rows: offending.rows.slice(0, MAX_ROWS),
    rowCount: offending.rows.length,
    message: `verify.sql of ${migrationName} failed: query ${index + 1} returned ${offending.rows.length} row(s), expected none`,
  };
}
