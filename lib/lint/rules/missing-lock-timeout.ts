import { nodeAs } from "../ast";
import { isExistingTable, type StatementInfo } from "../context";
import type { Rule, RuleHit } from "../types";
import { hit } from "./support";

/** Locks that make ordinary reads or writes queue: waiting for one blocks everything behind it. */
const BLOCKING_LOCKS = new Set(["SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"]);

function setsLockTimeout(statement: StatementInfo): boolean {
  return nodeAs(statement.node, "VariableSetStmt")?.name === "lock_timeout";
}

export const missingLockTimeout: Rule = {
  id: "missing-lock-timeout",
  title: "Locking statement without lock_timeout",
  category: "locking",
  defaultSeverity: "medium",
  sizedByTable: true,
  description:
    "A DDL statement waiting for its lock behind one long-running query makes every later query on the table queue behind it: an outage although the DDL itself is instant. SET lock_timeout (or SET LOCAL lock_timeout) first so the migration fails fast and can be retried. Reported once per file, on the first blocking statement.",
  badSql: 'ALTER TABLE "User" ADD COLUMN "nickname" TEXT;',
  goodSql: 'SET lock_timeout = \'2s\';\nALTER TABLE "User" ADD COLUMN "nickname" TEXT;',
  squawk: ["require-lock-timeout", "require-timeout-settings"],
  strongMigrations: ["lock_timeout (configuration)"],
  check(ctx) {
    // A table lock is the finding that matters; a type lock before it is reported only when no table lock is.
    let typeHit: RuleHit | undefined;
    for (const statement of ctx.statements) {
      if (setsLockTimeout(statement)) break;
      const blocking =
        statement.locks.find((l) => BLOCKING_LOCKS.has(l.lock) && !l.object && isExistingTable(ctx, l.table, statement.index)) ??
        statement.locks.find((l) => BLOCKING_LOCKS.has(l.lock) && isExistingTable(ctx, l.table, statement.index));
      if (!blocking) continue;
      if (blocking.object === "type") {
        // Only DDL on the same type (another deploy) holds this lock, so the wait is rarer and blocks no queries.
        typeHit ??= hit(statement, {
          lock: blocking.lock,
          severity: "low",
          message: `This needs ${blocking.lock} on type "${blocking.table}" and no lock_timeout is set before it: it waits for any other transaction changing that type (another migration), holding this migration's other locks meanwhile. Reads and writes of tables using the type do not wait. Before PostgreSQL 12 it cannot run inside a transaction block, and the new value cannot be used before this transaction commits.`,
          safeSql: `SET lock_timeout = '2s';\n${statement.text}${statement.text.endsWith(";") ? "" : ";"}`,
        });
        continue;
      }
      return [
        hit(statement, {
          table: blocking.table,
          lock: blocking.lock,
          message: `This needs ${blocking.lock} on "${blocking.table}" and no lock_timeout is set before it: if any query holds the table, this waits indefinitely and every later read and write on "${blocking.table}" queues behind it.`,
          safeSql: `SET lock_timeout = '2s';\n${statement.text}${statement.text.endsWith(";") ? "" : ";"}`,
        }),
      ];
    }
    return typeHit ? [typeHit] : [];
  },
};
