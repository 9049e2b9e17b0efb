import type { Rule } from "../types";
import { hit } from "./support";

export const concurrentlyInTransaction: Rule = {
  id: "concurrently-in-transaction",
  title: "CONCURRENTLY inside a transaction block",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: false,
  description:
    "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and VACUUM cannot run inside BEGIN … COMMIT: PostgreSQL aborts the migration with \"cannot run inside a transaction block\". Put them in a migration of their own without BEGIN/COMMIT.",
  badSql: 'BEGIN;\nCREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");\nCOMMIT;',
  goodSql: 'CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");',
  squawk: ["ban-concurrent-index-creation-in-transaction"],
  strongMigrations: ["add_index (disable_ddl_transaction!)"],
  check(ctx) {
    return ctx.statements
      .filter((s) => s.nonTransactional && s.inExplicitTransaction)
      .map((statement) =>
        hit(statement, {
          message: "This statement cannot run inside a transaction block: PostgreSQL rejects it and the whole migration fails and rolls back.",
          safeSql: `-- in a migration of its own, with no BEGIN/COMMIT around it\n${statement.text}${statement.text.endsWith(";") ? "" : ";"}`,
        }),
      );
  },
};
