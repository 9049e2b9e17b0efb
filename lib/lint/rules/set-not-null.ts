import type { Rule } from "../types";
import { nodeAs, stringValue } from "../ast";
import { addedConstraint, alterCommandsOnExistingTables, hit, ident, type AlterCommand } from "./support";

/**
 * Columns with a CHECK (col IS NOT NULL) validated earlier in the file: PostgreSQL 12+ then
 * skips the SET NOT NULL scan. (A CHECK added without NOT VALID is validated at once.)
 */
function columnsProvenNotNull(commands: readonly AlterCommand[]): Set<string> {
  const checks = new Map<string, { column: string; validated: boolean }>();
  for (const { table, cmd } of commands) {
    const constraint = addedConstraint(cmd);
    const test = nodeAs(constraint?.raw_expr, "NullTest");
    const column = stringValue(nodeAs(test?.arg, "ColumnRef")?.fields?.[0]);
    if (constraint?.contype === "CONSTR_CHECK" && test?.nulltesttype === "IS_NOT_NULL" && column) {
      checks.set(`${table}.${constraint.conname ?? column}`, { column: `${table}.${column}`, validated: !constraint.skip_validation });
    }
    const validating = cmd.subtype === "AT_ValidateConstraint" ? checks.get(`${table}.${cmd.name}`) : undefined;
    if (validating) validating.validated = true;
  }
  return new Set([...checks.values()].filter((c) => c.validated).map((c) => c.column));
}

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
    const commands = alterCommandsOnExistingTables(ctx);
    const provenNotNull = columnsProvenNotNull(commands);
    return commands
      .filter(({ cmd, table }) => cmd.subtype === "AT_SetNotNull" && cmd.name && !provenNotNull.has(`${table}.${cmd.name}`))
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
