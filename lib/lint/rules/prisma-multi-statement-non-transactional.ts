import type { Rule } from "../types";
import { hit } from "./support";

const RULE_DESCRIPTION =
  "PostgreSQL runs a multi-statement simple query as one implicit transaction, and `prisma migrate deploy` sends a migration.sql whole: a file with more than one statement that contains CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM or ALTER SYSTEM fails under Prisma's CLI with SQLSTATE 25001 (\"cannot run inside a transaction block\"). Sluice's engine runs such a file (without BEGIN/COMMIT) one statement at a time, like `psql -f`, so it deploys under Sluice — but it is not atomic: a failure mid-file leaves the statements before it applied (earlier indexes built). With its own BEGIN/COMMIT the file is sent whole by both and fails. The safe way works everywhere: one CONCURRENTLY statement per migration folder.";

export const prismaMultiStatementNonTransactional: Rule = {
  id: "prisma-multi-statement-non-transactional",
  title: "Non-transactional statement in a multi-statement migration file",
  category: "compatibility",
  defaultSeverity: "low",
  sizedByTable: false,
  description: RULE_DESCRIPTION,
  badSql: 'CREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");\nCREATE INDEX CONCURRENTLY "Order_status_idx" ON "Order" ("status");',
  goodSql: '-- prisma/migrations/20250101000000_order_customer_idx/migration.sql\nCREATE INDEX CONCURRENTLY "Order_customerId_idx" ON "Order" ("customerId");',
  squawk: [],
  strongMigrations: [],
  check(ctx) {
    if (ctx.statements.length < 2) return [];
    // Inside an explicit block it is concurrently-in-transaction's finding; one finding per file here.
    const first = ctx.statements.find((s) => s.nonTransactional && !s.inExplicitTransaction);
    if (!first) return [];
    const explicit = ctx.statements.some((s) => s.inExplicitTransaction);
    const others = ctx.statements.filter((s) => s.nonTransactional && !s.inExplicitTransaction).length - 1;
    const alsoNamed = others > 0 ? ` (and ${others} more like it)` : "";
    const safeSql = `-- a migration folder of its own, holding only:\n${first.text}${first.text.endsWith(";") ? "" : ";"}`;
    if (explicit) {
      return [
        hit(first, {
          severity: "high",
          message: `This statement${alsoNamed} cannot run inside a transaction block, and this ${ctx.statements.length}-statement file with its own BEGIN/COMMIT is sent whole by both \`prisma migrate deploy\` and Sluice: PostgreSQL runs it in an implicit transaction and the migration fails with SQLSTATE 25001.`,
          safeSql,
        }),
      ];
    }
    return [
      hit(first, {
        message: `Safe under Sluice, which runs this ${ctx.statements.length}-statement file one statement at a time; fails under Prisma's CLI: \`prisma migrate deploy\` sends the file as one multi-statement query, an implicit transaction, and this statement${alsoNamed} is refused with SQLSTATE 25001. Not atomic under Sluice either: if a later statement fails, the earlier ones stay applied (indexes already built).`,
        safeSql,
      }),
    ];
  },
};
