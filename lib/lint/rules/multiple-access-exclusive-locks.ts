import type { Rule, RuleHit } from "../types";
import { hit } from "./support";
import { transactions } from "./support";
import { isExistingTable } from "../context";

export const multipleAccessExclusiveLocks: Rule = {
  id: "multiple-access-exclusive-locks",
  title: "ACCESS EXCLUSIVE on several tables in one transaction",
  category: "locking",
  defaultSeverity: "medium",
  sizedByTable: false,
  description:
    "Each ACCESS EXCLUSIVE lock is held until the transaction commits, so locking a second table keeps the first one blocked while waiting for the second — and two migrations or a migration and application transactions taking them in another order deadlock. Split the changes into one transaction per table. A Prisma migration file is one transaction unless it has its own BEGIN/COMMIT or a statement that cannot run in one.",
  badSql: 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;\nALTER TABLE "Order" ADD COLUMN "note" TEXT;',
  goodSql: 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;',
  squawk: [],
  strongMigrations: [],
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const group of transactions(ctx)) {
      const lockedSoFar: string[] = [];
      for (const statement of group) {
        for (const { table, lock } of statement.locks) {
          if (lock !== "ACCESS EXCLUSIVE" || !isExistingTable(ctx, table, statement.index) || lockedSoFar.includes(table)) continue;
          if (lockedSoFar.length > 0) {
            hits.push(
              hit(statement, {
                table,
                lock,
                message: `This takes ACCESS EXCLUSIVE on "${table}" while the same transaction still holds it on ${lockedSoFar.map((t) => `"${t}"`).join(", ")}: those tables stay blocked while this lock waits, and lock-order deadlocks become possible.`,
                safeSql: `-- one migration (transaction) per table, each starting with:\nSET lock_timeout = '2s';\n${statement.text}${statement.text.endsWith(";") ? "" : ";"}`,
              }),
            );
          }
          lockedSoFar.push(table);
        }
      }
    }
    return hits;
  },
};
