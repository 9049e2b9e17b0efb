import { formatType, nodeAs, typeDesc } from "../ast";
import { classifyTypeChange } from "../type-change";
import type { Rule } from "../types";
import { alterCommandsOnExistingTables, hit, ident, commandLocation } from "./support";

export const typeNarrowing: Rule = {
  id: "type-narrowing",
  title: "Column type narrowed",
  category: "compatibility",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "Narrowing a column (shorter varchar, text → varchar(n), bigint → int, lower numeric precision or scale) checks or rewrites every row under ACCESS EXCLUSIVE and fails the migration — or silently rounds — when existing data does not fit; the running application may still write values that no longer fit.",
  exampleSetup: 'CREATE TABLE "User" ("id" BIGINT PRIMARY KEY, "name" VARCHAR(200));',
  badSql: 'ALTER TABLE "User" ALTER COLUMN "name" TYPE VARCHAR(50);',
  goodSql: 'ALTER TABLE "User" ADD CONSTRAINT "User_name_length" CHECK (char_length("name") <= 50) NOT VALID;',
  squawk: ["changing-column-type"],
  strongMigrations: ["change_column"],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    return alterCommandsOnExistingTables(ctx).flatMap(({ statement, table, cmd }) => {
      if (cmd.subtype !== "AT_AlterColumnType" || !cmd.name) return [];
      const to = typeDesc(nodeAs(cmd.def, "ColumnDef")?.typeName);
      const from = statement.schemaBefore.columnType(table, cmd.name);
      if (!from || !to || classifyTypeChange(from, to) !== "narrowing") return [];
      return [
        hit(statement, {
          location: commandLocation(cmd),
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `Narrowing "${table}"."${cmd.name}" from ${formatType(from)} to ${formatType(to)} re-checks every row under ACCESS EXCLUSIVE and fails (or rounds numerics) if existing data does not fit; writers still sending wider values start failing.`,
          safeSql: `-- keep the column and enforce the limit without a rewrite:\nALTER TABLE ${ident(table)} ADD CONSTRAINT ${ident(`${table}_${cmd.name}_check`)} CHECK (/* e.g. char_length(${ident(cmd.name)}) <= n */) NOT VALID;\nALTER TABLE ${ident(table)} VALIDATE CONSTRAINT ${ident(`${table}_${cmd.name}_check`)};`,
        }),
      ];
    });
  },
};
