import { nodeAs, stringValue } from "../ast";
import type { ParsedStatement } from "../parse";
import { droppedNames } from "../locks";
import type { Rule, RuleHit } from "../types";
import { hit, ident } from "./support";

/** What a down.sql visibly undoes: dropped tables, columns, indexes and types, and anything it creates. */
function undoneBy(down: ParsedStatement[]) {
  const droppedTables = new Set<string>();
  const droppedIndexes = new Set<string>();
  const droppedTypes = new Set<string>();
  const droppedColumns = new Set<string>();
  let recreatesSomething = false;
  for (const { node } of down) {
    const drop = nodeAs(node, "DropStmt");
    if (drop?.removeType === "OBJECT_TABLE") droppedNames(drop).forEach((n) => droppedTables.add(n));
    if (drop?.removeType === "OBJECT_INDEX") droppedNames(drop).forEach((n) => droppedIndexes.add(n));
    if (drop?.removeType === "OBJECT_TYPE") {
      for (const o of drop.objects ?? []) droppedTypes.add(nodeAs(o, "TypeName")?.names?.map(stringValue).pop() ?? "");
    }
    const alter = nodeAs(node, "AlterTableStmt");
    for (const c of alter?.cmds ?? []) {
      const cmd = nodeAs(c, "AlterTableCmd");
      if (cmd?.subtype === "AT_DropColumn") droppedColumns.add(`${alter!.relation?.relname}.${cmd.name}`);
      if (cmd?.subtype === "AT_AddColumn") recreatesSomething = true;
    }
    if ("CreateStmt" in node || "IndexStmt" in node || "CreateEnumStmt" in node || "CreateTableAsStmt" in node) recreatesSomething = true;
  }
  return { droppedTables, droppedIndexes, droppedTypes, droppedColumns, recreatesSomething };
}

export const downMigrationIncomplete: Rule = {
  id: "down-migration-incomplete",
  title: "down.sql does not undo the migration",
  category: "process",
  defaultSeverity: "medium",
  sizedByTable: false,
  description:
    "Where it can be seen statically, down.sql must undo migration.sql: tables, columns, indexes and enum types created must be dropped, and when the migration drops something the down migration must create something back. A down.sql that leaves the schema half-reverted fails the next deploy of the same migration.",
  badSql: '-- migration.sql\nCREATE TABLE "Invoice" ("id" TEXT PRIMARY KEY);\n-- down.sql: (empty)',
  goodSql: '-- migration.sql\nCREATE TABLE "Invoice" ("id" TEXT PRIMARY KEY);\n-- down.sql\nDROP TABLE "Invoice";',
  squawk: [],
  strongMigrations: [],
  check(ctx) {
    const down = ctx.migration?.downStatements;
    if (!down) return [];
    const undone = undoneBy(down);
    const hits: RuleHit[] = [];
    const missing = (statement: (typeof ctx.statements)[number], what: string, safeSql: string) =>
      hits.push(hit(statement, { message: `down.sql does not undo this: ${what}. Rolling back leaves it in place, and re-applying the migration then fails.`, safeSql }));

    for (const statement of ctx.statements) {
      const created = nodeAs(statement.node, "CreateStmt")?.relation?.relname;
      if (created && !undone.droppedTables.has(created)) missing(statement, `table "${created}" is created but never dropped`, `DROP TABLE ${ident(created)};`);

      const index = nodeAs(statement.node, "IndexStmt");
      const indexTable = index?.relation?.relname;
      if (index?.idxname && indexTable && !undone.droppedIndexes.has(index.idxname) && !undone.droppedTables.has(indexTable) && !ctx.createdTables.has(indexTable)) {
        missing(statement, `index "${index.idxname}" is created but never dropped`, `DROP INDEX CONCURRENTLY IF EXISTS ${ident(index.idxname)};`);
      }
      const enumName = nodeAs(statement.node, "CreateEnumStmt")?.typeName?.map(stringValue).pop();
      if (enumName && !undone.droppedTypes.has(enumName)) missing(statement, `enum type "${enumName}" is created but never dropped`, `DROP TYPE ${ident(enumName)};`);

      const alter = nodeAs(statement.node, "AlterTableStmt");
      const table = alter?.relation?.relname;
      for (const c of alter?.cmds ?? []) {
        const cmd = nodeAs(c, "AlterTableCmd");
        const column = nodeAs(cmd?.def, "ColumnDef")?.colname;
        if (table && cmd?.subtype === "AT_AddColumn" && column && !undone.droppedColumns.has(`${table}.${column}`) && !undone.droppedTables.has(table) && !ctx.createdTables.has(table)) {
          missing(statement, `column "${table}"."${column}" is added but never dropped`, `ALTER TABLE ${ident(table)} DROP COLUMN ${ident(column)};`);
        }
        if (cmd?.subtype === "AT_DropColumn" && !undone.recreatesSomething) {
          missing(statement, `column "${table}"."${cmd.name}" is dropped and down.sql re-creates nothing`, `ALTER TABLE ${ident(table ?? "<table>")} ADD COLUMN ${ident(cmd.name ?? "<column>")} <type>;  -- data must come from a backup`);
        }
      }
      const drop = nodeAs(statement.node, "DropStmt");
      if (drop && (drop.removeType === "OBJECT_TABLE" || drop.removeType === "OBJECT_INDEX" || drop.removeType === "OBJECT_TYPE") && !undone.recreatesSomething) {
        missing(statement, "it drops an object and down.sql re-creates nothing", "-- re-create the dropped object (CREATE TABLE / CREATE INDEX / CREATE TYPE …) in down.sql");
      }
    }
    return hits;
  },
};
