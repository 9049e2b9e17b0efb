import type { Rule } from "../types";
import { alterCommandsOnExistingTables, hit, ident } from "./support";

export const setNotNull: Rule = {
  id: "set-not-null",
  title: "SET NOT NULL on an existing column",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "ALTER COLUMN … SET NOT NULL scans the whole table under ACCESS EXCLUSIVE to prove there is no NULL. Since PostgreSQL 12 the scan is skipped when a validated CHECK (col IS NOT NULL) exists: add it NOT VALID, VALIDATE it (SHARE UPDATE EXCLUSIVE), then SET NOT NULL and drop the CHECK.",
  badSql: 'ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;',
  goodSql:
    'ALTER TABLE "User" ADD CONSTRAINT "User_email_not_null" CHECK ("email" IS NOT NULL) NOT VALID;\nALTER TABLE "User" VALIDATE CONSTRAINT "User_email_not_null";\nALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;\nALTER TABLE "User" DROP CONSTRAINT "User_email_not_null";',
  squawk: ["adding-not-nullable-field"],
  strongMigrations: ["change_column_null"],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    // A validated CHECK (col IS NOT NULL) from an earlier statement or migration spares the scan (PostgreSQL 12+).
    return alterCommandsOnExistingTables(ctx)
      .filter(({ statement, cmd, table }) => cmd.subtype === "AT_SetNotNull" && cmd.name && !statement.schemaBefore.provesNotNull(table, cmd.name))
      .map(({ statement, table, cmd }) => {
        const column = cmd.name!;
        const check = ident(`${table}_${column}_not_null`);
        return hit(statement, {
          table,
          lock: "ACCESS EXCLUSIVE",
          message: `SET NOT NULL on "${table}"."${column}" scans every row under ACCESS EXCLUSIVE: reads and writes block for the whole scan.`,
          safeSql: `ALTER TABLE ${ident(table)} ADD CONSTRAINT ${check} CHECK (${ident(column)} IS NOT NULL) NOT VALID;\nALTER TABLE ${ident(table)} VALIDATE CONSTRAINT ${check};\nALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET NOT NULL;\nALTER TABLE ${ident(table)} DROP CONSTRAINT ${check};`,
        });
      });
  },
};
