import { parse } from "libpg-query";

export type TouchedObjects = {
  /** Tables whose schema or data a migration changes, `schema.name` (unqualified names in the target's schema). */
  tables: string[];
  /** Indexes it drops: their tables are resolved on the target, since the SQL does not name them. */
  droppedIndexes: string[];
  /** Statements the parser cannot see into (DO blocks, functions): what they change is not known. */
  opaque: number;
};

type RangeVar = { schemaname?: string; relname?: string };
type StringNode = { String?: { sval?: string } };

// Statements whose `relation` is a table they change (rows, definition, or both).
const RELATION_CHANGERS = ["AlterTableStmt", "UpdateStmt", "DeleteStmt", "InsertStmt", "MergeStmt", "IndexStmt", "RenameStmt", "CreateTrigStmt", "CreatePolicyStmt", "AlterPolicyStmt"];

/**
 * The tables a migration's SQL changes, read with PostgreSQL's own parser: ALTER, DROP,
 * TRUNCATE, UPDATE, DELETE, INSERT, MERGE, CREATE INDEX and RENAME targets, also inside CTEs.
 * Tables the migration creates are listed too when it writes to them; the backup skips those
 * that do not exist yet.
 */
export async function touchedTables(sql: string, defaultSchema: string): Promise<TouchedObjects> {
  const stmts = (await parse(sql)).stmts ?? [];
  const tables = new Set<string>();
  const droppedIndexes = new Set<string>();
  let opaque = 0;
  const qualify = (parts: string[]) => (parts.length >= 2 ? parts.slice(-2).join(".") : `${defaultSchema}.${parts[0]}`);
  const fromRangeVar = (r: RangeVar | undefined) => {
    if (r?.relname) tables.add(qualify([r.schemaname, r.relname].filter((p): p is string => !!p)));
  };

  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const body = value as Record<string, unknown>;
      if (RELATION_CHANGERS.includes(key) && body && typeof body === "object") {
        // RENAME of an index or a sequence names no table of ours; RENAME COLUMN/TABLE does.
        if (key !== "RenameStmt" || ["OBJECT_TABLE", "OBJECT_COLUMN", "OBJECT_TABCONSTRAINT"].includes(String(body.renameType))) fromRangeVar(body.relation as RangeVar);
      } else if (key === "TruncateStmt") {
        for (const r of (body.relations as { RangeVar?: RangeVar }[] | undefined) ?? []) fromRangeVar(r.RangeVar);
      } else if (key === "DropStmt") {
        const names = ((body.objects as { List?: { items?: StringNode[] } }[] | undefined) ?? []).map((o) => (o.List?.items ?? []).map((i) => i.String?.sval ?? "").filter(Boolean));
        if (body.removeType === "OBJECT_TABLE") names.forEach((n) => tables.add(qualify(n)));
        if (body.removeType === "OBJECT_INDEX") names.forEach((n) => droppedIndexes.add(qualify(n)));
      } else if (key === "DoStmt" || key === "CreateFunctionStmt") {
        opaque++;
        continue;
      }
      visit(value);
    }
  };
  for (const raw of stmts) visit(raw.stmt);
  return { tables: [...tables], droppedIndexes: [...droppedIndexes], opaque };
}
