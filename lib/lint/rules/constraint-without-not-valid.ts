import type { Rule } from "../types";
import { addedConstraint, alterCommandsOnExistingTables, hit, ident, lockOn } from "./support";

export const constraintWithoutNotValid: Rule = {
  id: "constraint-without-not-valid",
  title: "FOREIGN KEY or CHECK added without NOT VALID",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "Adding a FOREIGN KEY or CHECK constraint scans the whole table to validate existing rows while holding the ALTER's lock (SHARE ROW EXCLUSIVE for a foreign key, on both tables; ACCESS EXCLUSIVE for CHECK). Add it NOT VALID (instant) and VALIDATE CONSTRAINT afterwards, which only takes SHARE UPDATE EXCLUSIVE.",
  badSql: 'ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id");',
  goodSql:
    'ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") NOT VALID;\nALTER TABLE "Order" VALIDATE CONSTRAINT "Order_customerId_fkey";',
  squawk: ["adding-foreign-key-constraint", "constraint-missing-not-valid"],
  strongMigrations: ["add_foreign_key", "add_check_constraint"],
  check(ctx) {
    return alterCommandsOnExistingTables(ctx).flatMap(({ statement, table, cmd }) => {
      const constraint = addedConstraint(cmd);
      const kind = constraint?.contype === "CONSTR_FOREIGN" ? "FOREIGN KEY" : constraint?.contype === "CONSTR_CHECK" ? "CHECK" : undefined;
      if (!constraint || !kind || constraint.skip_validation) return [];
      const name = constraint.conname ? ident(constraint.conname) : "<constraint>";
      const lock = kind === "FOREIGN KEY" ? "SHARE ROW EXCLUSIVE" : (lockOn(statement, table) ?? "ACCESS EXCLUSIVE");
      return [
        hit(statement, {
          table,
          lock,
          message: `Adding a ${kind} validates every existing row of "${table}" while holding ${lock}${kind === "FOREIGN KEY" ? ` (on "${table}" and "${constraint.pktable?.relname ?? "the referenced table"}")` : ""}: writes block for the whole scan.`,
          safeSql: `ALTER TABLE ${ident(table)} ADD CONSTRAINT ${name} ${kind} (...) NOT VALID;\n-- later, ideally in a separate migration (SHARE UPDATE EXCLUSIVE: reads and writes continue)\nALTER TABLE ${ident(table)} VALIDATE CONSTRAINT ${name};`,
        }),
      ];
    });
  },
};
