import pg from "pg";
import { migrationStatus, parseDatabaseUrl, redactUrl, type MigrationFile } from "@/lib/engine";
import { HEALTH_THRESHOLDS, type HealthSample, type LargestTable, type LockWait, type LongRunningTransaction } from "./types";
import { withDeadline, withStatementTimeout } from "./target-url";

export type SampleOptions = {
  /** Transactions open longer than this are listed. Default 60. */
  longTransactionSeconds?: number;
  /** Per-query bound on the target. Default 5000. */
  statementTimeoutMs?: number;
  /** Bound on opening the connection. Default 3000. */
  connectTimeoutMs?: number;
  /** The project's source migrations, to count pending/failed/modified ones; omitted = not counted. */
  migrations?: MigrationFile[];
  /** Largest tables listed. Default 10. */
  largestTablesLimit?: number;
};

const QUERY_TEXT_CHARS = 300;
const SIZE_LOCK_TIMEOUT_MS = 300;
const LOCK_NOT_AVAILABLE = "55P03";

async function largestTables(client: pg.Client, limit: number, mode: "exact" | "estimate"): Promise<LargestTable[]> {
  const size =
    mode === "exact"
      ? "pg_total_relation_size(c.oid)"
      : `(c.relpages + coalesce(t.relpages, 0) + coalesce((SELECT sum(i.relpages) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid), 0))::bigint
          * current_setting('block_size')::bigint`;
  const { rows } = await client.query<{ name: string; total_bytes: string; row_estimate: string | null }>(
    `SELECT n.nspname || '.' || c.relname AS name,
            ${size} AS total_bytes,
            CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint ELSE s.n_live_tup END AS row_estimate
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
       LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
      WHERE c.relkind IN ('r', 'p', 'm')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY 2 DESC
      LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ name: r.name, totalBytes: Number(r.total_bytes), rowEstimate: r.row_estimate === null ? null : Number(r.row_estimate) }));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The sample of a target that could not be asked at all. */
export function unreachableSample(error: string, longTransactionSeconds: number = HEALTH_THRESHOLDS.longTransactionSeconds): HealthSample {
  return { ...emptySample(longTransactionSeconds), error };
}

function emptySample(longTransactionSeconds: number): HealthSample {
  return {
    reachable: false,
    warnings: [],
    sampledAt: new Date().toISOString(),
    latencyMs: null,
    serverVersion: null,
    connections: null,
    maxConnections: null,
    databaseSizeBytes: null,
    largestTables: [],
    longRunningTransactions: [],
    lockWaits: [],
    migrations: null,
    longTransactionSeconds,
  };
}

/**
 * Samples one target's health with read-only catalog queries. Every query runs under a
 * short statement_timeout and the connection under a connect timeout, so a dead or
 * overloaded target yields `reachable: false` or a warning, never a hung page. A part that
 * fails (permission, timeout) becomes a warning; the rest of the sample is still returned.
 */
export async function sampleEnvironmentHealth(url: string, options: SampleOptions = {}): Promise<HealthSample> {
  const longTransactionSeconds = options.longTransactionSeconds ?? HEALTH_THRESHOLDS.longTransactionSeconds;
  const statementTimeoutMs = options.statementTimeoutMs ?? 5_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3_000;
  const sample = emptySample(longTransactionSeconds);

  let config;
  try {
    config = parseDatabaseUrl(url).config;
  } catch (error) {
    return { ...sample, error: messageOf(error) };
  }
  const client = new pg.Client({
    ...config,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    // Short: a health probe must not queue behind a migration's lock; parts that need one degrade instead.
    lock_timeout: SIZE_LOCK_TIMEOUT_MS,
    // Client-side bound too: a server that accepted the connection and then went silent.
    query_timeout: statementTimeoutMs + 1_000,
    application_name: "sluice-health",
  });
  client.on("error", () => undefined);

  const started = Date.now();
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    return { ...sample, error: `Cannot connect to ${redactUrl(url)}: ${messageOf(error)}` };
  }

  try {
    const part = async <T>(what: string, run: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await run();
      } catch (error) {
        sample.warnings.push(`${what}: ${messageOf(error)}`);
        return undefined;
      }
    };

    const basics = await part("server basics", async () => {
      const { rows } = await client.query<{ version: string; version_num: string; max_connections: string; connections: string; size: string }>(
        `SELECT current_setting('server_version') AS version,
                current_setting('server_version_num') AS version_num,
                current_setting('max_connections') AS max_connections,
                (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') AS connections,
                pg_database_size(current_database()) AS size`,
      );
      return rows[0];
    });
    sample.reachable = true;
    sample.latencyMs = Date.now() - started;
    const versionNum = basics ? Number(basics.version_num) : 0;
    if (basics) {
      sample.serverVersion = basics.version;
      sample.maxConnections = Number(basics.max_connections);
      sample.connections = Number(basics.connections);
      sample.databaseSizeBytes = Number(basics.size);
    }

    sample.largestTables =
      (await part("largest tables", async () => {
        const limit = options.largestTablesLimit ?? 10;
        try {
          return await largestTables(client, limit, "exact");
        } catch (error) {
          // pg_total_relation_size waits for a lock a migration may hold (ACCESS EXCLUSIVE):
          // fall back to the planner's page counts, which need no lock.
          if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
          sample.warnings.push("Table sizes are estimates: a table is locked exclusively right now.");
          return largestTables(client, limit, "estimate");
        }
      })) ?? [];

    sample.longRunningTransactions =
      (await part("long-running transactions", async () => {
        const { rows } = await client.query<{ pid: number; duration_seconds: number; state: string | null; query: string | null; application_name: string | null }>(
          `SELECT pid,
                  extract(epoch FROM now() - xact_start)::float8 AS duration_seconds,
                  state,
                  left(query, ${QUERY_TEXT_CHARS}) AS query,
                  nullif(application_name, '') AS application_name
             FROM pg_stat_activity
            WHERE datname = current_database()
              AND pid <> pg_backend_pid()
              AND xact_start IS NOT NULL
              AND now() - xact_start > make_interval(secs => $1)
            ORDER BY xact_start ASC
            LIMIT 50`,
          [longTransactionSeconds],
        );
        return rows.map(
          (r): LongRunningTransaction => ({ pid: r.pid, durationSeconds: Math.round(r.duration_seconds), state: r.state, query: r.query, applicationName: r.application_name }),
        );
      })) ?? [];

    sample.lockWaits =
      (await part("lock waits", async () => {
        // pg_locks.waitstart exists from PostgreSQL 14; before that, the blocked query's start is the best bound.
        const waitStart = versionNum >= 140000 ? "coalesce(l.waitstart, w.query_start)" : "w.query_start";
        const { rows } = await client.query<{
          blocked_pid: number;
          blocking_pid: number;
          wait_seconds: number | null;
          blocked_query: string | null;
          blocking_query: string | null;
          locktype: string | null;
          mode: string | null;
          relation: string | null;
        }>(
          `SELECT w.pid AS blocked_pid,
                  b.pid AS blocking_pid,
                  extract(epoch FROM now() - ${waitStart})::float8 AS wait_seconds,
                  left(w.query, ${QUERY_TEXT_CHARS}) AS blocked_query,
                  left(bq.query, ${QUERY_TEXT_CHARS}) AS blocking_query,
                  l.locktype,
                  l.mode,
                  CASE WHEN l.relation IS NOT NULL AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                       THEN l.relation::regclass::text END AS relation
             FROM pg_stat_activity w
             CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS b(pid)
             LEFT JOIN LATERAL (SELECT * FROM pg_locks l WHERE l.pid = w.pid AND NOT l.granted LIMIT 1) l ON true
             LEFT JOIN pg_stat_activity bq ON bq.pid = b.pid
            WHERE w.datname = current_database()
              AND w.wait_event_type = 'Lock'
            ORDER BY wait_seconds DESC NULLS LAST
            LIMIT 50`,
        );
        return rows.map(
          (r): LockWait => ({
            blockedPid: r.blocked_pid,
            blockingPid: r.blocking_pid,
            waitSeconds: Math.round((r.wait_seconds ?? 0) * 10) / 10,
            blockedQuery: r.blocked_query,
            blockingQuery: r.blocking_query,
            lockType: r.locktype,
            lockMode: r.mode,
            relation: r.relation,
          }),
        );
      })) ?? [];

    if (options.migrations) {
      const migrations = options.migrations;
      sample.migrations =
        (await part("migration status", async () => {
          const report = await migrationStatus({ url: withStatementTimeout(url, statementTimeoutMs), migrations, applicationName: "sluice-health" });
          return {
            pending: report.counts.pending + report.counts.rolled_back,
            failed: report.counts.failed,
            modified: report.counts.modified,
            unknown: report.counts.unknown,
          };
        })) ?? null;
    }
    return sample;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** sampleEnvironmentHealth with an overall bound, for pages that sample several targets at once. */
export async function sampleWithDeadline(url: string, options: SampleOptions & { deadlineMs?: number } = {}): Promise<HealthSample> {
  const deadlineMs = options.deadlineMs ?? 15_000;
  try {
    return await withDeadline(sampleEnvironmentHealth(url, options), deadlineMs, `No complete answer within ${deadlineMs / 1000} s`);
  } catch (error) {
    return unreachableSample(messageOf(error), options.longTransactionSeconds);
  }
}
