import { isExistingTable } from "../context";
import type { Rule, RuleHit } from "../types";
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
      const ddlOnExisting = group.find((s) => s.isDdl && s.locks.some((l) => isExistingTable(ctx, l.table, s.index)));
      if (!ddlOnExisting) continue;
      for (const statement of group.filter((s) => s.isBackfill)) {
        const table = statement.locks[0]?.table;
        hits.push(
          hit(statement, {
            table,
            lock: ddlOnExisting.locks[0]?.lock,
            message: `This data change runs in the same transaction as the DDL at line ${ddlOnExisting.line}: the DDL's ${ddlOnExisting.locks[0]?.lock} lock on "${ddlOnExisting.locks[0]?.table}" is held until the backfill finishes, and a failure rolls back the schema change.`,
            safeSql: `-- a separate migration, in batches:\n${statement.text}${statement.text.endsWith(";") ? "" : ";"} -- restricted to WHERE "id" BETWEEN $1 AND $2`,
          }),
        );
      }
    }
    return hits;
  },
};
