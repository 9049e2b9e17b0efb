import { nodeAs } from "../ast";
import { isExistingTable } from "../context";
import type { Rule } from "../types";
import { hit, ident } from "./support";

export const renameColumn: Rule = {
  id: "rename-column",
  title: "RENAME of a column",
  category: "compatibility",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "Renaming a column breaks the deployed application (Prisma selects columns by name) until the new version is everywhere. Add the new column, write to both, backfill, switch reads, then drop the old one — or use @map in schema.prisma and keep the database name.",
  badSql: 'ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";',
  goodSql: 'ALTER TABLE "User" ADD COLUMN "fullName" TEXT;\n-- dual-write, backfill in batches, switch reads, then drop "name" later',
  squawk: ["renaming-column"],
  strongMigrations: ["rename_column"],
  statementKinds: ["RenameStmt"],
  check(ctx) {
    return ctx.statements.flatMap((statement) => {
      const rename = nodeAs(statement.node, "RenameStmt");
      const table = rename?.relation?.relname;
      if (rename?.renameType !== "OBJECT_COLUMN" || !table || !rename.subname || !isExistingTable(ctx, table, statement.index)) return [];
      return [
        hit(statement, {
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `Renaming "${table}"."${rename.subname}" to "${rename.newname}" makes the running application's queries naming "${rename.subname}" fail until it is redeployed.`,
          safeSql: `ALTER TABLE ${ident(table)} ADD COLUMN ${ident(rename.newname ?? "new_name")} <type>;\n-- write both columns, backfill in batches, read the new one, then in a later migration:\nALTER TABLE ${ident(table)} DROP COLUMN ${ident(rename.subname)};`,
        }),
      ];
    });
  },
};
