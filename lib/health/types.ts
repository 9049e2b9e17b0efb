/**
 * One health sample of a target database. Plain JSON (numbers, strings, ISO dates) so the
 * server's first render and the polling API hand the client the same shape.
 */
export type LargestTable = { name: string; totalBytes: number; rowEstimate: number | null };

export type LongRunningTransaction = {
  pid: number;
  durationSeconds: number;
  state: string | null;
  query: string | null;
  applicationName: string | null;
};

export type LockWait = {
  blockedPid: number;
  blockingPid: number;
  waitSeconds: number;
  blockedQuery: string | null;
  blockingQuery: string | null;
  lockType: string | null;
  lockMode: string | null;
  relation: string | null;
};

export type MigrationCounts = { pending: number; failed: number; modified: number; unknown: number };

export type HealthSample = {
  reachable: boolean;
  /** Why the target could not be sampled at all (reachable false). */
  error?: string;
  /** Parts that failed while the target answered (a timed-out or forbidden query). */
  warnings: string[];
  sampledAt: string;
  latencyMs: number | null;
  serverVersion: string | null;
  connections: number | null;
  maxConnections: number | null;
  databaseSizeBytes: number | null;
  largestTables: LargestTable[];
  longRunningTransactions: LongRunningTransaction[];
  lockWaits: LockWait[];
  /** Null when no migration source was given or the history could not be read. */
  migrations: MigrationCounts | null;
  /** Threshold the long-running list was taken with, so the UI can say what "long" means. */
  longTransactionSeconds: number;
};

export const HEALTH_THRESHOLDS = {
  /** Share of max_connections in use. */
  connectionsWarning: 0.8,
  connectionsCritical: 0.95,
  longTransactionSeconds: 60,
  longTransactionCriticalSeconds: 300,
  lockWaitCriticalSeconds: 30,
} as const;
