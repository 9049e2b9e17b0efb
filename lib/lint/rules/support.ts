import type { AlterTableCmd, ColumnDef, Constraint } from "libpg-query";
import { columnConstraints, keyNames, nodeAs, typeDesc, type TypeDesc } from "../ast";
import { isExistingTable, type LintContext, type StatementInfo } from "../context";
import type { LockMode, RuleHit } from "../types";

export type AlterCommand = { statement: StatementInfo; table: string; cmd: AlterTableCmd };

/**
 * Views of the file that several rules walk (ALTER sub-commands, column definitions, transaction
 * groups) are computed once per context and shared: callers must not mutate what they get.
 */
function sharedView<T>(compute: (ctx: LintContext) => T): (ctx: LintContext) => T {
  // Kept on the context itself (not in a WeakMap keyed by it): a context lives for one file, and
  // weak maps cost the garbage collector extra work for each of the thousands a large run makes.
  const key = Symbol(compute.name);
  return (ctx) => {
    let value = ctx.views.get(key) as T | undefined;
    if (value === undefined) {
      value = compute(ctx);
      ctx.views.set(key, value);
    }
    return value;
  };
}

/** Every ALTER TABLE sub-command in the file, on tables that existed before it (not created here). */
export const alterCommandsOnExistingTables: (ctx: LintContext) => readonly AlterCommand[] = sharedView((ctx) =>
  ctx.statements.flatMap((statement) => {
    const alter = nodeAs(statement.node, "AlterTableStmt");
    const table = alter?.relation?.relname;
    if (!table || !isExistingTable(ctx, table, statement.index)) return [];
    return (alter.cmds ?? []).flatMap((c) => {
      const cmd = nodeAs(c, "AlterTableCmd");
      return cmd ? [{ statement, table, cmd }] : [];
    });
  }),
);

/** Where an ALTER TABLE sub-command's column or constraint is written (RuleHit.location); none for e.g. SET NOT NULL. */
export function commandLocation(cmd: AlterTableCmd): number | undefined {
  return nodeAs(cmd.def, "ColumnDef")?.location ?? nodeAs(cmd.def, "Constraint")?.location;
}

export function addedConstraint(cmd: AlterTableCmd): Constraint | undefined {
  return cmd.subtype === "AT_AddConstraint" ? nodeAs(cmd.def, "Constraint") : undefined;
}

/** The lock this statement takes on `table`, as computed once in the shared analysis. */
export function lockOn(statement: StatementInfo, table: string): LockMode | undefined {
  return statement.locks.find((l) => l.table === table)?.lock;
}

/** An identifier as it must be written in SQL: quoted unless it is a plain lower-case name. */
export function ident(name: string): string {
  return PLAIN_IDENTIFIER.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function hit(statement: StatementInfo, fields: Omit<RuleHit, "statementIndex">): RuleHit {
  return { statementIndex: statement.index, ...fields };
}

/** Statements grouped by the transaction they commit in (statements committing alone are left out). */
export const transactions: (ctx: LintContext) => readonly (readonly StatementInfo[])[] = sharedView((ctx) => {
  const groups = new Map<number, StatementInfo[]>();
  for (const statement of ctx.statements) {
    if (statement.transactionId === undefined) continue;
    const group = groups.get(statement.transactionId);
    if (group) group.push(statement);
    else groups.set(statement.transactionId, [statement]);
  }
  return [...groups.values()];
});

/** `type` is the column's type as typeDesc reads it, worked out once for the several rules that ask. */
export type ColumnDefinition = { statement: StatementInfo; table: string; column: ColumnDef; type: TypeDesc | undefined; isPrimaryKey: boolean };

/** Columns defined by CREATE TABLE, ADD COLUMN or ALTER COLUMN … TYPE, for rules about column types. */
export const columnDefinitions: (ctx: LintContext) => readonly ColumnDefinition[] = sharedView((ctx) =>
  ctx.statements.flatMap((statement) => {
    const create = nodeAs(statement.node, "CreateStmt");
    if (create?.relation?.relname) {
      const table = create.relation.relname;
      const primaryKeys = (create.tableElts ?? []).flatMap((e) => {
        const constraint = nodeAs(e, "Constraint");
        return constraint?.contype === "CONSTR_PRIMARY" ? keyNames(constraint.keys) : [];
      });
      return (create.tableElts ?? []).flatMap((e) => {
        const column = nodeAs(e, "ColumnDef");
        if (!column?.colname) return [];
        const isPrimaryKey = primaryKeys.includes(column.colname) || columnConstraints(column).some((c) => c.contype === "CONSTR_PRIMARY");
        return [{ statement, table, column, type: typeDesc(column.typeName), isPrimaryKey }];
      });
    }
    const alter = nodeAs(statement.node, "AlterTableStmt");
    const table = alter?.relation?.relname;
    if (!table) return [];
    return (alter.cmds ?? []).flatMap((c) => {
      const cmd = nodeAs(c, "AlterTableCmd");
      const column = nodeAs(cmd?.def, "ColumnDef");
      if (!cmd || !column || (cmd.subtype !== "AT_AddColumn" && cmd.subtype !== "AT_AlterColumnType")) return [];
      const named = column.colname ? column : { ...column, colname: cmd.name };
      return [{ statement, table, column: named, type: typeDesc(column.typeName), isPrimaryKey: columnConstraints(column).some((k) => k.contype === "CONSTR_PRIMARY") }];
    });
  }),
);

/** A constraint a statement declares: in CREATE TABLE (column- or table-level) or ALTER TABLE … ADD CONSTRAINT. */
export type DeclaredConstraint = { table: string; constraint: Constraint; column?: string };

export function declaredConstraints(statement: StatementInfo): DeclaredConstraint[] {
  const create = nodeAs(statement.node, "CreateStmt");
  if (create?.relation?.relname) {
    const table = create.relation.relname;
    return (create.tableElts ?? []).flatMap((e): DeclaredConstraint[] => {
      const column = nodeAs(e, "ColumnDef");
      if (column) return columnConstraints(column).map((constraint) => ({ table, constraint, column: column.colname }));
      const constraint = nodeAs(e, "Constraint");
      return constraint ? [{ table, constraint }] : [];
    });
  }
  const alter = nodeAs(statement.node, "AlterTableStmt");
  const table = alter?.relation?.relname;
  if (!table) return [];
  return (alter.cmds ?? []).flatMap((c): DeclaredConstraint[] => {
    const cmd = nodeAs(c, "AlterTableCmd");
    const constraint = cmd?.subtype === "AT_AddConstraint" ? nodeAs(cmd.def, "Constraint") : undefined;
    return constraint ? [{ table, constraint }] : [];
  });
}

