import { nodeAs } from "../ast";
import { isExistingTable } from "../context";
import type { Rule } from "../types";
import { hit } from "./support";

export const triggerOnExistingTable: Rule = {
  id: "trigger-on-existing-table",
  title: "CREATE TRIGGER on an existing table",
  category: "locking",
  defaultSeverity: "medium",
  sizedByTable: true,
  description:
    "CREATE TRIGGER takes SHARE ROW EXCLUSIVE, blocking writes (and queueing behind long queries), and from then on runs code inside every write of the running application: a failing or slow trigger fails or slows the product. Set lock_timeout, keep the function trivial, and deploy it separately from schema changes.",
  badSql: 'CREATE TRIGGER "Order_audit" AFTER UPDATE ON "Order" FOR EACH ROW EXECUTE FUNCTION audit();',
  goodSql: 'CREATE TABLE "Invoice" ("id" BIGINT PRIMARY KEY);\nCREATE TRIGGER "Invoice_audit" AFTER UPDATE ON "Invoice" FOR EACH ROW EXECUTE FUNCTION audit();',
  squawk: [],
  strongMigrations: [],
  statementKinds: ["CreateTrigStmt"],
  check(ctx) {
    return ctx.statements.flatMap((statement) => {
      const table = nodeAs(statement.node, "CreateTrigStmt")?.relation?.relname;
      if (!table || !isExistingTable(ctx, table, statement.index)) return [];
      return [
        hit(statement, {
          table,
          lock: "SHARE ROW EXCLUSIVE",
          message: `CREATE TRIGGER on "${table}" takes SHARE ROW EXCLUSIVE (writes block, and the lock queues behind running queries), then adds work to every write of the running application.`,
          safeSql: `SET lock_timeout = '2s';\n${statement.text}${statement.text.endsWith(";") ? "" : ";"}\n-- in its own migration, with a trivial, tested trigger function`,
        }),
      ];
    });
  },
};
