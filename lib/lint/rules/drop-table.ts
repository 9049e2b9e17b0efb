import { nodeAs } from "../ast";
import { isExistingTable } from "../context";
import { droppedNames } from "../locks";
import type { Rule } from "../types";
import { hit, ident } from "./support";

export const dropTable: Rule = {
  id: "drop-table",
  title: "DROP TABLE",
  category: "compatibility",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "Dropping a table deletes its data irrecoverably (short of a restore) and breaks every deployed version of the application that still queries it. Stop using it in code first, deploy, then drop it in a later migration — ideally after renaming it for a grace period.",
  badSql: 'DROP TABLE "LegacyInvoice";',
  goodSql: 'ALTER TABLE "LegacyInvoice" RENAME TO "LegacyInvoice_deprecated_20250101";',
  squawk: ["ban-drop-table"],
  strongMigrations: [],
  statementKinds: ["DropStmt"],
  check(ctx) {
    return ctx.statements.flatMap((statement) => {
      const drop = nodeAs(statement.node, "DropStmt");
      if (drop?.removeType !== "OBJECT_TABLE") return [];
      return droppedNames(drop)
        .filter((table) => isExistingTable(ctx, table, statement.index))
        .map((table) =>
          hit(statement, {
            table,
            lock: "ACCESS EXCLUSIVE",
            message: `DROP TABLE "${table}" deletes all its rows for good, and any running code still reading or writing it fails immediately.`,
            safeSql: `-- 1. deploy code that no longer uses ${ident(table)}; 2. keep the data for a grace period:\nALTER TABLE ${ident(table)} RENAME TO ${ident(table + "_deprecated")};\n-- 3. drop it in a later migration`,
          }),
        );
    });
  },
};
