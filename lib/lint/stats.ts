import type { TableStats } from "./types";
import { parseDatabaseUrl } from "../engine/url";
import { quoteIdent } from "../engine/sql-text";

/** PostgreSQL's udt names for the types the linter reasons about, with their length/precision modifiers. */
const STATS_QUERY = `
  SELECT c.relname AS table,
         c.reltuples::float8 AS reltuples,
         s.n_live_tup::float8 AS live_tuples,
         pg_total_relation_size(c.oid)::float8 AS total_bytes,
         coalesce(json_agg(json_build_object(
           'name', col.column_name,
           'type', col.udt_name,
           'mods', array_remove(ARRAY[col.character_maximum_length, col.numeric_precision_if_numeric, col.numeric_scale_if_numeric], NULL)
         ) ORDER BY col.ordinal_position) FILTER (WHERE col.column_name IS NOT NULL), '[]') AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
    LEFT JOIN LATERAL (
      SELECT column_name, udt_name, ordinal_position, character_maximum_length,
             CASE WHEN udt_name = 'numeric' THEN numeric_precision END AS numeric_precision_if_numeric,
             CASE WHEN udt_name = 'numeric' THEN numeric_scale END AS numeric_scale_if_numeric
        FROM information_schema.columns
       WHERE table_schema = n.nspname AND table_name = c.relname
    ) col ON true
   WHERE c.relkind IN ('r', 'p', 'm')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname = ANY (current_schemas(false))
     AND ($1::text[] IS NULL OR c.relname = ANY ($1::text[]))
   GROUP BY c.oid, c.relname, c.reltuples, s.n_live_tup`;

type StatsRow = {
  table: string;
  reltuples: number;
  live_tuples: number | null;
  total_bytes: number;
  columns: { name: string; type: string; mods: number[] }[];
};

/**
 * Reads the target's size statistics (pg_class.reltuples, pg_stat_user_tables.n_live_tup,
 * pg_total_relation_size) and column types for the given tables (none for an empty list), or for
 * every table on the search path when no list is given. Column types let the linter know tenant tables and old column types.
 */
export async function loadTargetStats(url: string, tableNames?: string[]): Promise<TableStats> {
  // Loaded on first use: most lint runs have no target, and the driver costs ~35 ms to load.
  const { default: pg } = await import("pg");
  // The engine's URL reading: Prisma's ?schema= (the tables to size) and libpq's sslmode.
  const target = parseDatabaseUrl(url);
  const client = new pg.Client({ ...target.config, application_name: "sluice-lint" });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${quoteIdent(target.schema)}`);
    const { rows } = await client.query<StatsRow>(STATS_QUERY, [tableNames ?? null]);
    const stats: TableStats = {};
    for (const row of rows) {
      stats[row.table] = {
        // reltuples is -1 until the table is first vacuumed or analyzed (PostgreSQL 14+).
        reltuples: row.reltuples >= 0 ? row.reltuples : undefined,
        liveTuples: row.live_tuples ?? undefined,
        totalBytes: row.total_bytes,
        columns: row.columns.map((c) => ({ name: c.name, type: c.type, mods: c.mods })),
      };
    }
    return stats;
  } finally {
    await client.end();
  }
}
