import type { Node } from "libpg-query";
import { nodeAs, typeDesc, type TypeDesc } from "./ast";
import { droppedNames } from "./locks";
import type { TableColumn, TableStats } from "./types";

/** Columns of one table; replaced (never mutated) on change so snapshots can share them. */
export type TableModel = ReadonlyMap<string, TypeDesc | undefined>;

/** information_schema names array types by their element's udt name prefixed with "_". */
function catalogType(column: TableColumn): TypeDesc {
  const isArray = column.type.startsWith("_");
  return { name: isArray ? column.type.slice(1) : column.type, mods: column.mods ?? [], isArray };
}

function hasType(columns: TableModel, typeName: string): boolean {
  for (const type of columns.values()) if (type?.name === typeName) return true;
  return false;
}

/**
 * What the linter knows of the database before a statement runs: tables with their columns and
 * types, and which table each index belongs to. Built from earlier migrations, the target's
 * catalog and the statements already seen in the file.
 */
export class SchemaModel {
  constructor(
    readonly tables = new Map<string, TableModel>(),
    readonly indexes = new Map<string, string>(),
  ) {}

  static fromStats(stats: TableStats | undefined): SchemaModel {
    const model = new SchemaModel();
    for (const [table, size] of Object.entries(stats ?? {})) {
      if (!size.columns) continue;
      model.tables.set(
        table,
        new Map(size.columns.map((c) => [c.name, catalogType(c)])),
      );
    }
    return model;
  }

  snapshot(): SchemaModel {
    return new SchemaModel(new Map(this.tables), new Map(this.indexes));
  }

  /**
   * The part of the model a statement can ask about: copying only the tables and indexes it names
   * keeps per-statement snapshots cheap when the history holds hundreds of tables.
   */
  subset(names: Iterable<string>): SchemaModel {
    const subset = new SchemaModel();
    for (const name of names) {
      const table = this.tables.get(name);
      if (table) subset.tables.set(name, table);
      const indexTable = this.indexes.get(name);
      if (indexTable) subset.indexes.set(name, indexTable);
    }
    return subset;
  }

  hasColumn(table: string, column: string): boolean {
    return this.tables.get(table)?.has(column) ?? false;
  }

  columnType(table: string, column: string): TypeDesc | undefined {
    return this.tables.get(table)?.get(column);
  }

  private updateTable(table: string, change: (columns: Map<string, TypeDesc | undefined>) => void): void {
    const columns = new Map(this.tables.get(table) ?? []);
    change(columns);
    this.tables.set(table, columns);
  }

  private renameType(oldName: string, newName: string): void {
    for (const [table, columns] of this.tables) {
      if (!hasType(columns, oldName)) continue;
      this.updateTable(table, (cols) => {
        for (const [column, type] of cols) if (type?.name === oldName) cols.set(column, { ...type, name: newName });
      });
    }
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
      this.tables.set(create.relation.relname, columns);
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
        const columns = this.tables.get(table);
        this.tables.delete(table);
        if (columns) this.tables.set(rename.newname, columns);
      } else if (rename.renameType === "OBJECT_COLUMN" && rename.subname) {
        this.updateTable(table, (cols) => {
          cols.set(rename.newname!, cols.get(rename.subname!));
          cols.delete(rename.subname!);
        });
      }
      return;
    }
    const index = nodeAs(node, "IndexStmt");
    if (index?.idxname && index.relation?.relname) {
      this.indexes.set(index.idxname, index.relation.relname);
      return;
    }
    const drop = nodeAs(node, "DropStmt");
    if (drop?.removeType === "OBJECT_TABLE") for (const name of droppedNames(drop)) this.tables.delete(name);
    if (drop?.removeType === "OBJECT_INDEX") for (const name of droppedNames(drop)) this.indexes.delete(name);
  }
}
