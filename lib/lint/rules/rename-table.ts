import { nodeAs } from "../ast";
import { isExistingTable } from "../context";
import type { Rule } from "../types";
import { hit, ident } from "./support";

export const renameTable: Rule = {
  id: "rename-table",
  title: "RENAME of a table",
  category: "compatibility",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "Renaming a table breaks every deployed application instance still using the old name between the migration and the end of the deploy. Create a view with the old name during the transition, or create the new table and migrate in steps.",
  badSql: 'ALTER TABLE "Customer" RENAME TO "Client";',
  goodSql: 'ALTER TABLE "Customer" RENAME TO "Client";\nCREATE VIEW "Customer" AS SELECT * FROM "Client";',
  squawk: ["renaming-table"],
  strongMigrations: ["rename_table"],
  statementKinds: ["RenameStmt"],
  check(ctx) {
    return ctx.statements.flatMap((statement) => {
      const rename = nodeAs(statement.node, "RenameStmt");
      const table = rename?.relation?.relname;
      if (rename?.renameType !== "OBJECT_TABLE" || !table || !rename.newname || !isExistingTable(ctx, table, statement.index)) return [];
      const viewKeepsOldName = ctx.statements.some((s) => s.index > statement.index && nodeAs(s.node, "ViewStmt")?.view?.relname === table);
      if (viewKeepsOldName) return [];
      return [
        hit(statement, {
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `Renaming "${table}" to "${rename.newname}" makes every query of the running application that uses "${table}" fail until the new version is deployed everywhere.`,
          safeSql: `ALTER TABLE ${ident(table)} RENAME TO ${ident(rename.newname)};\n-- keep the old name working (simple views are updatable) until every instance is redeployed:\nCREATE VIEW ${ident(table)} AS SELECT * FROM ${ident(rename.newname)};`,
        }),
      ];
    });
  },
};
