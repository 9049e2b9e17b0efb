import type { Rule } from "../types";
import { alterCommandsOnExistingTables, hit, ident } from "./support";

export const dropColumn: Rule = {
  id: "drop-column",
  title: "DROP COLUMN",
  category: "compatibility",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "Dropping a column deletes its data and breaks the deployed application: Prisma selects every column of a model by name, so the old version fails on every query of that model until the new one is out. Remove the field from the Prisma schema and deploy first, drop the column in a later migration.",
  badSql: 'ALTER TABLE "User" DROP COLUMN "legacyRole";',
  goodSql: '-- after a deploy that no longer reads "legacyRole":\nSET lock_timeout = \'2s\';',
  squawk: ["ban-drop-column"],
  strongMigrations: ["remove_column"],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    return alterCommandsOnExistingTables(ctx)
      .filter(({ cmd }) => cmd.subtype === "AT_DropColumn" && cmd.name)
      .map(({ statement, table, cmd }) =>
        hit(statement, {
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `Dropping "${table}"."${cmd.name}" deletes its data, and application code still selecting it (Prisma selects every field of a model) fails until it is redeployed.`,
          safeSql: `-- 1. remove the field from schema.prisma and deploy the application\n-- 2. in a later migration:\nSET lock_timeout = '2s';\nALTER TABLE ${ident(table)} DROP COLUMN ${ident(cmd.name!)};`,
        }),
      );
  },
};
