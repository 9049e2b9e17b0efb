import type { Rule, RuleHit } from "../types";
import { addedConstraint, alterCommandsOnExistingTables, hit, ident, lockOn, type AlterCommand } from "./support";

export const constraintWithoutNotValid: Rule = {
  id: "constraint-without-not-valid",
  title: "FOREIGN KEY or CHECK added without NOT VALID",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "Adding a FOREIGN KEY or CHECK constraint scans the whole table to validate existing rows while holding the ALTER's lock (SHARE ROW EXCLUSIVE for a foreign key, on both tables; ACCESS EXCLUSIVE for CHECK). Add it NOT VALID (instant) and VALIDATE CONSTRAINT afterwards — in another transaction, i.e. another Prisma migration — which only takes SHARE UPDATE EXCLUSIVE.",
  badSql: 'ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id");',
  goodSql:
    'ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") NOT VALID;\n-- next migration:\n-- ALTER TABLE "Order" VALIDATE CONSTRAINT "Order_customerId_fkey";',
  squawk: ["adding-foreign-key-constraint", "constraint-missing-not-valid"],
  strongMigrations: ["add_foreign_key", "add_check_constraint"],
  statementKinds: ["AlterTableStmt"],
  check(ctx) {
    const commands = alterCommandsOnExistingTables(ctx);
    return [...commands.flatMap(({ statement, table, cmd }) => {
      const constraint = addedConstraint(cmd);
      const kind = constraint?.contype === "CONSTR_FOREIGN" ? "FOREIGN KEY" : constraint?.contype === "CONSTR_CHECK" ? "CHECK" : undefined;
      if (!constraint || !kind || constraint.skip_validation) return [];
      const name = constraint.conname ? ident(constraint.conname) : "<constraint>";
      const lock = kind === "FOREIGN KEY" ? "SHARE ROW EXCLUSIVE" : (lockOn(statement, table) ?? "ACCESS EXCLUSIVE");
      return [
        hit(statement, {
          location: constraint.location,
          table,
          lock,
          message: `Adding a ${kind} validates every existing row of "${table}" while holding ${lock}${kind === "FOREIGN KEY" ? ` (on "${table}" and "${constraint.pktable?.relname ?? "the referenced table"}")` : ""}: writes block for the whole scan.`,
          safeSql: `ALTER TABLE ${ident(table)} ADD CONSTRAINT ${name} ${kind} (...) NOT VALID;\n-- later, ideally in a separate migration (SHARE UPDATE EXCLUSIVE: reads and writes continue)\nALTER TABLE ${ident(table)} VALIDATE CONSTRAINT ${name};`,
        }),
      ];
    }), ...validatedInSameTransaction(commands)];
  },
};

/**
 * VALIDATE in the transaction that added the constraint NOT VALID gains nothing: the ADD's lock
 * is still held while VALIDATE scans the table.
 */
function validatedInSameTransaction(commands: readonly AlterCommand[]): RuleHit[] {
  const addedNotValid = new Map<string, AlterCommand>();
  const hits: RuleHit[] = [];
  for (const command of commands) {
    const constraint = addedConstraint(command.cmd);
    if (constraint?.skip_validation && constraint.conname) addedNotValid.set(`${command.table}.${constraint.conname}`, command);
    if (command.cmd.subtype !== "AT_ValidateConstraint") continue;
    const added = addedNotValid.get(`${command.table}.${command.cmd.name}`);
    const { statement, table } = command;
    if (!added || added.statement.transactionId === undefined || added.statement.transactionId !== statement.transactionId) continue;
    hits.push(
      hit(statement, {
        table,
        lock: added.statement.locks[0]?.lock ?? "ACCESS EXCLUSIVE",
        message: `VALIDATE CONSTRAINT runs in the same transaction that added "${command.cmd.name}" NOT VALID: the ADD's ${added.statement.locks[0]?.lock ?? "ACCESS EXCLUSIVE"} lock on "${table}" is still held during the full validation scan, which NOT VALID was meant to avoid.`,
        safeSql: `-- a separate migration (Prisma runs each file as one transaction):
${statement.text}${statement.text.endsWith(";") ? "" : ";"}`,
      }),
    );
  }
  return hits;
}
