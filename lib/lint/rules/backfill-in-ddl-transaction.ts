import { isExistingTable, type LintContext, type StatementInfo } from "../context";
import type { TableLock } from "../locks";
import { LOCK_MODES, type Rule, type RuleHit } from "../types";
import { hit, transactions } from "./support";

export const backfillInDdlTransaction: Rule = {
  id: "backfill-in-ddl-transaction",
  title: "Data backfill in the same transaction as DDL",
  category: "locking",
  defaultSeverity: "high",
  sizedByTable: true,
  description:
    "A backfill (UPDATE, DELETE, INSERT … SELECT) inside the transaction that also changed the schema keeps the DDL's ACCESS EXCLUSIVE lock for as long as the backfill runs, and one failing row rolls back the schema change too. Prisma runs a whole migration file as one transaction (unless it has its own BEGIN/COMMIT or a non-transactional statement): put the backfill in its own migration, batched.",
  badSql: 'ALTER TABLE "User" ADD COLUMN "plan" TEXT;\nUPDATE "User" SET "plan" = \'free\';',
  goodSql: 'ALTER TABLE "User" ADD COLUMN "plan" TEXT;',
  squawk: [],
  strongMigrations: ["add_column_default (backfill in a separate migration)"],
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const group of transactions(ctx)) {
      const held = strongestDdlLock(ctx, group);
      if (!held) continue;
      for (const statement of group.filter((s) => s.isBackfill)) {
        const table = statement.locks[0]?.table;
        hits.push(
          hit(statement, {
            table,
            lock: held.lock.lock,
            message: `This data change runs in the same transaction as the DDL at line ${held.statement.line}: its ${held.lock.lock} lock on ${held.lock.object === "type" ? "type" : "table"} "${held.lock.table}" is held until the backfill finishes, and a failure rolls back the schema change.`,
            safeSql: `-- a separate migration, in batches:\n${statement.text}${statement.text.endsWith(";") ? "" : ";"} -- restricted to WHERE "id" BETWEEN $1 AND $2`,
          }),
        );
      }
    }
    return hits;
  },
};

/** The DDL lock on an existing object that the backfill keeps held longest-felt: table locks before type locks, strongest first. */
function strongestDdlLock(ctx: LintContext, group: readonly StatementInfo[]): { statement: StatementInfo; lock: TableLock } | undefined {
  let best: { statement: StatementInfo; lock: TableLock } | undefined;
  const rank = (l: TableLock) => (l.object === "type" ? 0 : 100) + LOCK_MODES.indexOf(l.lock);
  for (const statement of group) {
    if (!statement.isDdl) continue;
    for (const lock of statement.locks) {
      if (!isExistingTable(ctx, lock.table, statement.index)) continue;
      if (!best || rank(lock) > rank(best.lock)) best = { statement, lock };
    }
  }
  return best;
}
