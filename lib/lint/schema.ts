import type { AlterTableCmd, Node } from "libpg-query";
import { notNullCheckColumn, nodeAs, typeDesc, type TypeDesc } from "./ast";
import { droppedNames } from "./locks";
import type { TableColumn, TableStats } from "./types";

/** A CHECK (column IS NOT NULL) constraint of a table, by constraint name. */
type NotNullChecks = ReadonlyMap<string, { column: string; validated: boolean }>;

/**
 * PostgreSQL's own types as the parser names them (pg_catalog): they cannot be renamed, so the
 * type index (for ALTER TYPE … RENAME) leaves them out — most columns have one of these.
 */
const BUILT_IN_TYPES = new Set([
  "bool", "bytea", "char", "bpchar", "varchar", "text", "name", "int2", "int4", "int8", "float4", "float8", "numeric", "money",
  "date", "time", "timetz", "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb", "xml", "inet", "cidr", "macaddr",
  "bit", "varbit", "tsvector", "tsquery", "oid", "point", "line", "lseg", "box", "path", "polygon", "circle",
  "serial", "serial2", "serial4", "serial8", "smallserial", "bigserial",
]);

/** Columns of one table; replaced (never mutated) on change so snapshots can share them. */
export type TableModel = ReadonlyMap<string, TypeDesc | undefined>;

/** information_schema names array types by their element's udt name prefixed with "_". */
function catalogType(column: TableColumn): TypeDesc {
  const isArray = column.type.startsWith("_");
  return { name: isArray ? column.type.slice(1) : column.type, mods: column.mods ?? [], isArray };
}

/**
 * What the linter knows of the database before a statement runs: tables with their columns and
 * types, and which table each index belongs to. Built from earlier migrations, the target's
 * catalog and the statements already seen in the file.
 */
export class SchemaModel {
  private readonly tableMap = new Map<string, TableModel>();
  /** Type name → tables with a column of that type, so ALTER TYPE … RENAME touches only those. */
  private readonly typeUsers = new Map<string, Set<string>>();
  readonly indexes = new Map<string, string>();
  /**
   * CHECK (col IS NOT NULL) constraints, by table. A validated one lets SET NOT NULL skip its
   * full-table scan (PostgreSQL 12+), which is how the safe three-step way ends. A table's map is
   * replaced, never mutated, as subsets share it.
   */
  private readonly notNullChecks = new Map<string, NotNullChecks>();

  /** Read-only view of the tables; every change goes through setTable/deleteTable to keep typeUsers right. */
  get tables(): ReadonlyMap<string, TableModel> {
    return this.tableMap;
  }

  static fromStats(stats: TableStats | undefined): SchemaModel {
    const model = new SchemaModel();
    for (const [table, size] of Object.entries(stats ?? {})) {
      if (!size.columns) continue;
      model.setTable(table, new Map(size.columns.map((c) => [c.name, catalogType(c)])));
    }
    return model;
  }

  /**
   * The part of the model a statement can ask about: copying only the tables and indexes it names
   * keeps per-statement snapshots cheap when the history holds hundreds of tables.
   */
  subset(names: ReadonlySet<string>): SchemaModel {
    // Read-only: filled directly, without the type index that only changes need.
    const subset = new SchemaModel();
    for (const name of names) {
      const table = this.tableMap.get(name);
      if (table) subset.tableMap.set(name, table);
      const indexTable = this.indexes.get(name);
      if (indexTable) subset.indexes.set(name, indexTable);
      const checks = this.notNullChecks.get(name);
      if (checks) subset.notNullChecks.set(name, checks);
    }
    return subset;
  }

  /** Whether a validated CHECK (column IS NOT NULL) is in place on the table. */
  provesNotNull(table: string, column: string): boolean {
    for (const check of this.notNullChecks.get(table)?.values() ?? []) if (check.validated && check.column === column) return true;
    return false;
  }

  hasColumn(table: string, column: string): boolean {
    return this.tableMap.get(table)?.has(column) ?? false;
  }

  columnType(table: string, column: string): TypeDesc | undefined {
    return this.tableMap.get(table)?.get(column);
  }

  private setTable(table: string, columns: TableModel): void {
    this.unindexTypes(table);
    this.tableMap.set(table, columns);
    for (const type of columns.values()) {
      if (!type || BUILT_IN_TYPES.has(type.name)) continue;
      const users = this.typeUsers.get(type.name);
      if (users) users.add(table);
      else this.typeUsers.set(type.name, new Set([table]));
    }
  }

  private deleteTable(table: string): void {
    this.unindexTypes(table);
    this.tableMap.delete(table);
  }

  private unindexTypes(table: string): void {
    for (const type of this.tableMap.get(table)?.values() ?? []) if (type && !BUILT_IN_TYPES.has(type.name)) this.typeUsers.get(type.name)?.delete(table);
  }

  private updateTable(table: string, change: (columns: Map<string, TypeDesc | undefined>) => void): void {
    const columns = new Map(this.tableMap.get(table) ?? []);
    change(columns);
    this.setTable(table, columns);
  }

  private renameType(oldName: string, newName: string): void {
    for (const table of [...(this.typeUsers.get(oldName) ?? [])]) {
      this.updateTable(table, (cols) => {
        for (const [column, type] of cols) if (type?.name === oldName) cols.set(column, { ...type, name: newName });
      });
    }
  }

  private trackNotNullCheck(table: string, cmd: AlterTableCmd): void {
    const constraint = cmd.subtype === "AT_AddConstraint" ? nodeAs(cmd.def, "Constraint") : undefined;
    const column = notNullCheckColumn(constraint);
    // Added without NOT VALID, PostgreSQL validates it at once.
    if (constraint && column) return this.setNotNullCheck(table, constraint.conname ?? column, { column, validated: !constraint.skip_validation });
    const check = cmd.name ? this.notNullChecks.get(table)?.get(cmd.name) : undefined;
    if (check && cmd.subtype === "AT_ValidateConstraint") this.setNotNullCheck(table, cmd.name!, { ...check, validated: true });
    if (check && cmd.subtype === "AT_DropConstraint") this.setNotNullCheck(table, cmd.name!, undefined);
  }

  /** Replaces the table's map (subsets share the old one). */
  private setNotNullCheck(table: string, name: string, check: { column: string; validated: boolean } | undefined): void {
    const next = new Map(this.notNullChecks.get(table) ?? []);
    if (check) next.set(name, check);
    else next.delete(name);
    if (next.size) this.notNullChecks.set(table, next);
    else this.notNullChecks.delete(table);
  }

  /** Applies the effect of one statement. Statements the model does not track are ignored. */
  apply(node: Node): void {
    const create = nodeAs(node, "CreateStmt");
    if (create?.relation?.relname) {
      const columns = new Map<string, TypeDesc | undefined>();
      for (const element of create.tableElts ?? []) {
        const column = nodeAs(element, "ColumnDef");
        if (column?.colname) columns.set(column.colname, typeDesc(column.typeName));
      }
      this.setTable(create.relation.relname, columns);
      return;
    }
    const alter = nodeAs(node, "AlterTableStmt");
    if (alter?.relation?.relname) {
      const table = alter.relation.relname;
      for (const c of alter.cmds ?? []) {
        const cmd = nodeAs(c, "AlterTableCmd");
        const column = nodeAs(cmd?.def, "ColumnDef");
        if (cmd?.subtype === "AT_AddColumn" && column?.colname) {
          this.updateTable(table, (cols) => cols.set(column.colname!, typeDesc(column.typeName)));
        } else if (cmd?.subtype === "AT_DropColumn" && cmd.name) {
          this.updateTable(table, (cols) => cols.delete(cmd.name!));
        } else if (cmd?.subtype === "AT_AlterColumnType" && cmd.name) {
          this.updateTable(table, (cols) => cols.set(cmd.name!, typeDesc(column?.typeName)));
        } else if (cmd) {
          this.trackNotNullCheck(table, cmd);
        }
      }
      return;
    }
    const rename = nodeAs(node, "RenameStmt");
    if (rename?.renameType === "OBJECT_TYPE" && rename.newname) {
      // ALTER TYPE old RENAME TO new (how Prisma swaps in a rebuilt enum): columns of that type follow it.
      const oldName = nodeAs(rename.object, "List")?.items?.map((item) => nodeAs(item, "String")?.sval).pop();
      if (oldName) this.renameType(oldName, rename.newname);
      return;
    }
    if (rename?.relation?.relname && rename.newname) {
      const table = rename.relation.relname;
      if (rename.renameType === "OBJECT_TABLE") {
        const columns = this.tableMap.get(table);
        this.deleteTable(table);
        if (columns) this.setTable(rename.newname, columns);
        // A renamed table keeps its constraints.
        const checks = this.notNullChecks.get(table);
        this.notNullChecks.delete(table);
        if (checks) this.notNullChecks.set(rename.newname, checks);
      } else if (rename.renameType === "OBJECT_COLUMN" && rename.subname) {
        this.updateTable(table, (cols) => {
          cols.set(rename.newname!, cols.get(rename.subname!));
          cols.delete(rename.subname!);
        });
        const checks = this.notNullChecks.get(table);
        if (checks) this.notNullChecks.set(table, new Map([...checks].map(([name, c]) => [name, c.column === rename.subname ? { ...c, column: rename.newname! } : c])));
      }
      return;
    }
    const index = nodeAs(node, "IndexStmt");
    if (index?.idxname && index.relation?.relname) {
      this.indexes.set(index.idxname, index.relation.relname);
      return;
    }
    const drop = nodeAs(node, "DropStmt");
    if (drop?.removeType === "OBJECT_TABLE") {
      for (const name of droppedNames(drop)) {
        this.deleteTable(name);
        this.notNullChecks.delete(name);
      }
    }
    if (drop?.removeType === "OBJECT_INDEX") for (const name of droppedNames(drop)) this.indexes.delete(name);
  }
}
