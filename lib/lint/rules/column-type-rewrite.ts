import { formatType, nodeAs, typeDesc } from "../ast";
import { classifyTypeChange } from "../type-change";
import type { Rule } from "../types";
import { alterCommandsOnExistingTables, hit, ident, commandLocation } from "./support";

export const columnTypeRewrite: Rule = {
  id: "column-type-rewrite",
  title: "Column type change that rewrites the table",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "ALTER COLUMN … TYPE rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE unless the types are binary-compatible (varchar widening, varchar → text, numeric precision increase are free and not flagged). When the old type cannot be seen (no earlier migration, no target), the change is reported at medium severity. Safer: add a new column, backfill in batches, switch reads and writes, drop the old column.",
  badSql: 'ALTER TABLE "Order" ALTER COLUMN "total" TYPE BIGINT;',
  goodSql: 'ALTER TABLE "Order" ADD COLUMN "total_v2" BIGINT;\n-- backfill "total_v2" in batches, switch the application, then drop "total"',
  squawk: ["changing-column-type"],
  strongMigrations: ["change_column"],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    return alterCommandsOnExistingTables(ctx).flatMap(({ statement, table, cmd }) => {
      if (cmd.subtype !== "AT_AlterColumnType" || !cmd.name) return [];
      const to = typeDesc(nodeAs(cmd.def, "ColumnDef")?.typeName);
      const from = statement.schemaBefore.columnType(table, cmd.name);
      const change = classifyTypeChange(from, to);
      if (change === "free" || change === "narrowing") return [];
      const newType = to ? formatType(to) : "<new type>";
      const what = from ? `from ${formatType(from)} to ${newType}` : `to ${newType} (old type unknown, so a rewrite cannot be ruled out)`;
      return [
        hit(statement, {
          location: commandLocation(cmd),
          table,
          lock: "ACCESS EXCLUSIVE",
          severity: change === "unknown" ? "medium" : undefined,
          message: `Changing "${table}"."${cmd.name}" ${what} rewrites every row and rebuilds every index of "${table}" under ACCESS EXCLUSIVE: reads and writes block for the whole rewrite.`,
          safeSql: `ALTER TABLE ${ident(table)} ADD COLUMN ${ident(cmd.name + "_new")} ${newType};\n-- backfill in batches, dual-write from the application, then:\nALTER TABLE ${ident(table)} DROP COLUMN ${ident(cmd.name)};\nALTER TABLE ${ident(table)} RENAME COLUMN ${ident(cmd.name + "_new")} TO ${ident(cmd.name)};`,
        }),
      ];
    });
  },
};
