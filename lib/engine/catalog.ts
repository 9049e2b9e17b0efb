import pg from "pg";
import { parseDatabaseUrl } from "./url";

/**
 * A schema as the catalogs describe it, keyed by object ("column public.users.email") with the
 * attributes that matter to applications. OIDs, column positions and statistics are left out:
 * they differ between two databases that hold the same schema.
 */
export type CatalogSnapshot = Record<string, Record<string, unknown>>;

export type CatalogDifference = {
  object: string;
  change: "missing" | "extra" | "changed";
  /** Attributes that differ, with the expected (left) and actual (right) values. */
  attributes: { name: string; expected: unknown; actual: unknown }[];
  message: string;
};

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'`;
// Objects owned by extensions are the extension's business, and the history table is the migrator's.
const NOT_FROM_EXTENSION = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
const NOT_HISTORY = (relname: string) => `${relname} <> '_prisma_migrations'`;

const QUERIES: Record<string, string> = {
  schema: `SELECT n.nspname AS key, jsonb_build_object() AS attrs FROM pg_catalog.pg_namespace n WHERE ${USER_SCHEMAS} AND ${NOT_FROM_EXTENSION("pg_namespace", "n.oid")}`,
  extension: `SELECT e.extname AS key, jsonb_build_object('schema', n.nspname) AS attrs FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'`,
  relation: `SELECT n.nspname || '.' || c.relname AS key,
      jsonb_build_object('kind', c.relkind::text, 'persistence', c.relpersistence::text, 'rowSecurity', c.relrowsecurity, 'forceRowSecurity', c.relforcerowsecurity,
        'partitionKey', CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
        'partitionOf', CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,
        'definition', CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END) AS attrs
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${NOT_HISTORY("c.relname")} AND ${NOT_FROM_EXTENSION("pg_class", "c.oid")}`,
  column: `SELECT n.nspname || '.' || c.relname || '.' || a.attname AS key,
      jsonb_build_object('type', pg_catalog.format_type(a.atttypid, a.atttypmod), 'notNull', a.attnotnull, 'default', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
        'identity', NULLIF(a.attidentity::text, ''), 'generated', NULLIF(a.attgenerated::text, ''),
        'collation', CASE WHEN a.attcollation <> t.typcollation THEN (SELECT collname FROM pg_catalog.pg_collation WHERE oid = a.attcollation) END) AS attrs
      FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_type t ON t.oid = a.atttypid LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped AND ${NOT_HISTORY("c.relname")} AND ${NOT_FROM_EXTENSION("pg_class", "c.oid")}`,
  constraint: `SELECT n.nspname || '.' || c.relname || '.' || con.conname AS key,
      jsonb_build_object('definition', pg_catalog.pg_get_constraintdef(con.oid), 'validated', con.convalidated, 'deferrable', con.condeferrable, 'deferred', con.condeferred) AS attrs
      FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE ${USER_SCHEMAS} AND ${NOT_HISTORY("c.relname")} AND ${NOT_FROM_EXTENSION("pg_class", "c.oid")}`,
  index: `SELECT n.nspname || '.' || i.relname AS key, jsonb_build_object('definition', pg_catalog.pg_get_indexdef(i.oid), 'valid', x.indisvalid) AS attrs
      FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
     WHERE ${USER_SCHEMAS} AND ${NOT_HISTORY("c.relname")} AND ${NOT_FROM_EXTENSION("pg_class", "c.oid")}`,
  sequence: `SELECT n.nspname || '.' || c.relname AS key,
      jsonb_build_object('type', pg_catalog.format_type(s.seqtypid, NULL), 'start', s.seqstart, 'increment', s.seqincrement, 'min', s.seqmin, 'max', s.seqmax, 'cycle', s.seqcycle,
        'ownedBy', (SELECT dn.nspname || '.' || dc.relname || '.' || da.attname FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class dc ON dc.oid = d.refobjid
                     JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace JOIN pg_catalog.pg_attribute da ON da.attrelid = d.refobjid AND da.attnum = d.refobjsubid
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i') AND d.refclassid = 'pg_class'::regclass LIMIT 1)) AS attrs
      FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE ${USER_SCHEMAS} AND ${NOT_FROM_EXTENSION("pg_class", "c.oid")}`,
  type: `SELECT n.nspname || '.' || t.typname AS key,
      jsonb_build_object('kind', t.typtype::text,
        'labels', CASE WHEN t.typtype = 'e' THEN (SELECT jsonb_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) END,
        'base', CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
        'notNull', CASE WHEN t.typtype = 'd' THEN t.typnotnull END,
        'default', t.typdefault,
        'checks', CASE WHEN t.typtype = 'd' THEN (SELECT jsonb_agg(pg_catalog.pg_get_constraintdef(con.oid) ORDER BY con.conname) FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid) END,
        'fields', CASE WHEN t.typtype = 'c' THEN (SELECT jsonb_agg(a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)
                    FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END) AS attrs
      FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
     WHERE ${USER_SCHEMAS} AND ${NOT_FROM_EXTENSION("pg_type", "t.oid")}
       AND (t.typtype IN ('e', 'd', 'r', 'm') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_catalog.pg_class WHERE oid = t.typrelid) = 'c'))`,
  function: `SELECT n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS key,
      jsonb_build_object('kind', p.prokind::text, 'definition', CASE WHEN p.prokind IN ('f', 'p') THEN pg_catalog.pg_get_functiondef(p.oid) END,
        'result', pg_catalog.pg_get_function_result(p.oid)) AS attrs
      FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
     WHERE ${USER_SCHEMAS} AND ${NOT_FROM_EXTENSION("pg_proc", "p.oid")}`,
  trigger: `SELECT n.nspname || '.' || c.relname || '.' || tg.tgname AS key, jsonb_build_object('definition', pg_catalog.pg_get_triggerdef(tg.oid), 'enabled', tg.tgenabled::text) AS attrs
      FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE ${USER_SCHEMAS} AND NOT tg.tgisinternal AND ${NOT_FROM_EXTENSION("pg_class", "c.oid")}`,
  policy: `SELECT p.schemaname || '.' || p.tablename || '.' || p.policyname AS key,
      jsonb_build_object('permissive', p.permissive, 'roles', p.roles, 'command', p.cmd, 'using', p.qual, 'withCheck', p.with_check) AS attrs
      FROM pg_catalog.pg_policies p`,
};

/** Reads the catalog of every user schema of the database at `url`. */
export async function snapshotCatalog(url: string): Promise<CatalogSnapshot> {
  const client = new pg.Client({ ...parseDatabaseUrl(url).config, application_name: "sluice-catalog" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const snapshot: CatalogSnapshot = {};
    for (const [kind, sql] of Object.entries(QUERIES)) {
      const result = await client.query<{ key: string; attrs: Record<string, unknown> }>(sql);
      for (const row of result.rows) snapshot[`${kind} ${row.key}`] = dropNulls(row.attrs);
    }
    return snapshot;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// Containers before their contents, so the first difference is the most telling one.
const KIND_ORDER = ["schema", "extension", "type", "relation", "column", "constraint", "index", "sequence", "function", "trigger", "policy"];
const TABLE_CHILDREN = ["column", "constraint", "trigger", "policy"];

function compareKeys(a: string, b: string): number {
  const [kindA, nameA] = splitKey(a);
  const [kindB, nameB] = splitKey(b);
  return KIND_ORDER.indexOf(kindA) - KIND_ORDER.indexOf(kindB) || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0);
}

function splitKey(key: string): [string, string] {
  const space = key.indexOf(" ");
  return [key.slice(0, space), key.slice(space + 1)];
}

/**
 * Every difference, containers first then by name, so "the first difference" is stable. A table
 * that is missing or extra is one difference, not one more per column, constraint and policy.
 */
export function diffCatalogs(expected: CatalogSnapshot, actual: CatalogSnapshot): CatalogDifference[] {
  const absent = (key: string) => !(key in expected) || !(key in actual);
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort(compareKeys).filter((key) => {
    const [kind, name] = splitKey(key);
    if (!TABLE_CHILDREN.includes(kind)) return true;
    const table = `relation ${name.slice(0, name.lastIndexOf("."))}`;
    return !(absent(table) && absent(key));
  });
  const differences: CatalogDifference[] = [];
  for (const object of keys) {
    const left = expected[object];
    const right = actual[object];
    if (!right) differences.push({ object, change: "missing", attributes: [], message: `${object} is missing (expected ${describe(left)})` });
    else if (!left) differences.push({ object, change: "extra", attributes: [], message: `${object} is unexpected (${describe(right)})` });
    else {
      const names = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
      const attributes = names
        .filter((name) => JSON.stringify(left[name]) !== JSON.stringify(right[name]))
        .map((name) => ({ name, expected: left[name] ?? null, actual: right[name] ?? null }));
      if (attributes.length) {
        const detail = attributes.map((a) => `${a.name}: ${JSON.stringify(a.expected)} → ${JSON.stringify(a.actual)}`).join("; ");
        differences.push({ object, change: "changed", attributes, message: `${object} differs: ${detail}` });
      }
    }
  }
  return differences;
}

function describe(attrs: Record<string, unknown>): string {
  const text = JSON.stringify(attrs);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function dropNulls(attrs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attrs).filter(([, value]) => value !== null));
}
