/** One Prisma migration folder: `<name>/migration.sql` plus Sluice's optional companions. */
export type MigrationFile = {
  name: string;
  sql: string;
  /** sha256 of migration.sql's bytes, lowercase hex, as Prisma stores it. */
  checksum: string;
  downSql: string | null;
  verifySql: string | null;
};

export type EngineEvent = {
  type: "lock-acquired" | "migration-start" | "migration-applied" | "migration-failed" | "lock-timeout-retry" | "log";
  migration?: string;
  message: string;
  at: Date;
  durationMs?: number;
};

export type EngineConnection = {
  url: string;
  /** Session lock_timeout for migration scripts; 0 disables it. Default 2000. */
  lockTimeoutMs?: number;
  /** Session statement_timeout for migration scripts; default 0 = none. */
  statementTimeoutMs?: number;
  /** How long to wait for Prisma's advisory lock before giving up. Default 10000 (Prisma's own). */
  advisoryLockWaitMs?: number;
  /** Retries of a migration whose lock was not granted (55P03) and that left nothing behind. Default 3. */
  maxLockRetries?: number;
  applicationName?: string;
  onEvent?: (event: EngineEvent) => void;
  signal?: AbortSignal;
};

/** One `_prisma_migrations` row, as Prisma defines it. */
export type HistoryRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

/** The database's answer when a script failed, with the lines around `position` as Prisma shows them. */
export type DatabaseErrorInfo = {
  message: string;
  sqlstate: string | null;
  detail?: string;
  hint?: string;
  where?: string;
  /** 1-based character offset in the script, when the server gave one. */
  position?: number;
  /** 1-based line of `position` in the script. */
  line?: number;
  /** The failing line and up to five lines before it, numbered. */
  context?: { line: number; text: string }[];
};
