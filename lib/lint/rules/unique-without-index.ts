import { columnConstraints, keyNames, nodeAs } from "../ast";
import type { Rule } from "../types";
import { addedConstraint, alterCommandsOnExistingTables, hit, ident, commandLocation } from "./support";

export const uniqueWithoutIndex: Rule = {
  id: "unique-without-index",
  title: "UNIQUE or PRIMARY KEY added without a prebuilt index",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "ADD CONSTRAINT … UNIQUE / PRIMARY KEY builds its index while holding ACCESS EXCLUSIVE: no reads or writes until the build ends. Build a unique index CONCURRENTLY first, then attach it with USING INDEX, which is instant.",
  badSql: 'ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE ("email");',
  goodSql:
    'CREATE UNIQUE INDEX CONCURRENTLY "User_email_key" ON "User" ("email");\nALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE USING INDEX "User_email_key";',
  squawk: ["disallowed-unique-constraint", "adding-primary-key-constraint"],
  strongMigrations: ["add_unique_constraint"],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    return alterCommandsOnExistingTables(ctx).flatMap(({ statement, table, cmd }) => {
      // ADD CONSTRAINT … UNIQUE/PRIMARY KEY, or ADD COLUMN … UNIQUE/PRIMARY KEY (the index spans every existing row too).
      const column = cmd.subtype === "AT_AddColumn" ? nodeAs(cmd.def, "ColumnDef") : undefined;
      const constraints = column ? columnConstraints(column) : [addedConstraint(cmd)];
      return constraints.flatMap((constraint) => {
        const kind = constraint?.contype === "CONSTR_UNIQUE" ? "UNIQUE" : constraint?.contype === "CONSTR_PRIMARY" ? "PRIMARY KEY" : undefined;
        if (!constraint || !kind || constraint.indexname) return [];
        const name = constraint.conname ?? `${table}_${column?.colname ? `${column.colname}_` : ""}${kind === "UNIQUE" ? "key" : "pkey"}`;
        const columns = column?.colname ? ident(column.colname) : keyNames(constraint.keys).map(ident).join(", ");
        const addColumnFirst = column?.colname ? `ALTER TABLE ${ident(table)} ADD COLUMN ${ident(column.colname)} <type>;  -- without ${kind}\n` : "";
        return [
          hit(statement, {
            location: commandLocation(cmd),
            table,
            lock: "ACCESS EXCLUSIVE",
            message: `Adding ${kind}${column?.colname ? ` with column "${column.colname}"` : ""} builds a unique index on "${table}" under ACCESS EXCLUSIVE: every read and write waits for the whole build.`,
            safeSql: `${addColumnFirst}CREATE UNIQUE INDEX CONCURRENTLY ${ident(name)} ON ${ident(table)} (${columns});\nALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(name)} ${kind} USING INDEX ${ident(name)};`,
          }),
        ];
      });
    });
  },
};
