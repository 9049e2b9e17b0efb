import { columnConstraints, nodeAs } from "../ast";
import type { Rule } from "../types";
import { alterCommandsOnExistingTables, hit, ident, commandLocation } from "./support";

export const addRequiredColumn: Rule = {
  id: "add-required-column",
  title: "NOT NULL column added without a default",
  category: "compatibility",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "ADD COLUMN … NOT NULL without DEFAULT fails on any table that already has rows, and breaks every running INSERT that does not name the new column. Add it nullable (or with a default), backfill, then enforce NOT NULL.",
  badSql: 'ALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL;',
  goodSql: 'ALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL DEFAULT \'free\';',
  squawk: ["adding-required-field"],
  strongMigrations: [],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    return alterCommandsOnExistingTables(ctx).flatMap(({ statement, table, cmd }) => {
      const column = nodeAs(cmd.def, "ColumnDef");
      if (cmd.subtype !== "AT_AddColumn" || !column?.colname) return [];
      const constraints = columnConstraints(column);
      const notNull = constraints.some((c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY");
      const filled = constraints.some((c) => c.contype === "CONSTR_DEFAULT" || c.contype === "CONSTR_GENERATED" || c.contype === "CONSTR_IDENTITY");
      if (!notNull || filled) return [];
      return [
        hit(statement, {
          location: commandLocation(cmd),
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `Adding NOT NULL column "${column.colname}" without a default fails if "${table}" has any row, and INSERTs from the running application that omit it start failing.`,
          safeSql: `ALTER TABLE ${ident(table)} ADD COLUMN ${ident(column.colname)} <type>;\n-- backfill in batches, then enforce (see set-not-null)\nALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column.colname)} SET NOT NULL;`,
        }),
      ];
    });
  },
};
