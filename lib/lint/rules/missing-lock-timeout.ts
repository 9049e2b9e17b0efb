import type { Node } from "libpg-query";
import { nodeAs, stringValue } from "../ast";
import { isExistingTable, type StatementInfo } from "../context";
import type { Rule, RuleHit } from "../types";
import { hit } from "./support";

/** Locks that make ordinary reads or writes queue: waiting for one blocks everything behind it. */
const BLOCKING_LOCKS = new Set(["SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"]);

/** Whether a SET value (an integer in ms, or a string like '2s' or '0') is a timeout at all: 0 means wait forever. */
function isNonZero(value: Node | undefined): boolean {
  const constant = nodeAs(value, "A_Const");
  if (!constant) return true; // an expression: assume it sets a real timeout
  if (constant.sval) return parseFloat(constant.sval.sval ?? "") !== 0;
  return (constant.ival?.ival ?? 0) !== 0;
}

/**
 * What a statement does to lock_timeout: true when it sets a timeout, false when it turns it off
 * (`= 0`, `TO DEFAULT`, `RESET`; the server default is no timeout), undefined when it leaves it
 * alone. `SET`, `SET LOCAL` and `SELECT set_config('lock_timeout', …)` all count.
 */
function lockTimeoutEffect(statement: StatementInfo): boolean | undefined {
  const set = nodeAs(statement.node, "VariableSetStmt");
  if (set?.name === "lock_timeout") return set.kind === "VAR_SET_VALUE" && isNonZero(set.args?.[0]);
  const select = nodeAs(statement.node, "SelectStmt");
  for (const target of select?.targetList ?? []) {
    const call = nodeAs(nodeAs(target, "ResTarget")?.val, "FuncCall");
    const name = stringValue(call?.funcname?.at(-1));
    if (name === "set_config" && nodeAs(call?.args?.[0], "A_Const")?.sval?.sval === "lock_timeout") return isNonZero(call?.args?.[1]);
  }
  return undefined;
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
    let timeoutSet = false;
    for (const statement of ctx.statements) {
      const effect = lockTimeoutEffect(statement);
      if (effect !== undefined) timeoutSet = effect;
      if (timeoutSet) continue;
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
