import { parse } from "libpg-query";

export type ScriptShape = {
  /** True when a failure of this script leaves nothing behind, so it is safe to retry. */
  atomic: boolean;
  /** Atomic and without any transaction statement: the server runs it as exactly one implicit transaction. */
  singleTransaction: boolean;
  reason: string;
};

const NON_TRANSACTIONAL = new Set(["VacuumStmt", "CreatedbStmt", "DropdbStmt", "AlterSystemStmt", "CreateTableSpaceStmt", "DropTableSpaceStmt"]);
const COMMITTING = new Set(["TRANS_STMT_COMMIT", "TRANS_STMT_PREPARE", "TRANS_STMT_COMMIT_PREPARED", "TRANS_STMT_RELEASE"]);

/**
 * Whether a failed script can have committed part of its work. A script sent as one
 * simple-protocol query runs as one implicit transaction, so a failure rolls all of it back,
 * unless it commits on its own (COMMIT before its last statement, a procedure or DO block that
 * commits) or runs a statement that works outside transactions (CONCURRENTLY, VACUUM…), which
 * can leave an invalid index or half a job behind.
 */
export async function scriptShape(sql: string): Promise<ScriptShape> {
  let statements: Record<string, unknown>[];
  try {
    const tree = await parse(sql);
    statements = (tree.stmts ?? []).map((s) => (s.stmt ?? {}) as Record<string, unknown>);
  } catch {
    return { atomic: false, singleTransaction: false, reason: "the script could not be parsed, so what ran is unknown" };
  }
  let transactionControl = false;
  for (const [index, statement] of statements.entries()) {
    const [kind, body] = Object.entries(statement)[0] ?? ["", {}];
    const json = JSON.stringify(body);
    if (kind === "TransactionStmt") {
      const txKind = (body as { kind?: string }).kind ?? "";
      transactionControl = true;
      if (COMMITTING.has(txKind) && index < statements.length - 1) return notAtomic(`statement ${index + 1} commits before the end of the script`);
    } else if (NON_TRANSACTIONAL.has(kind)) {
      return notAtomic(`statement ${index + 1} (${kind}) runs outside a transaction`);
    } else if (json.includes('"concurrent":true') || json.includes('"defname":"concurrently"')) {
      return notAtomic(`statement ${index + 1} runs CONCURRENTLY and may leave an invalid object behind`);
    } else if (statements.length === 1 && (kind === "CallStmt" || (kind === "DoStmt" && /\b(commit|rollback)\b/i.test(json)))) {
      return notAtomic(`statement ${index + 1} may commit from inside a procedure or DO block`);
    }
  }
  return { atomic: true, singleTransaction: !transactionControl, reason: "the script runs as one transaction" };
}

function notAtomic(reason: string): ScriptShape {
  return { atomic: false, singleTransaction: false, reason };
}

// Words without which a script cannot leave or split its implicit transaction. Matching anywhere
// (comments, strings, identifiers) only sends more scripts to the parser, never fewer.
const MAYBE_NOT_SINGLE = /\b(begin|start|commit|end|rollback|abort|savepoint|release|prepare|concurrently|vacuum|database|system|tablespace|call|do)\b/i;

/**
 * Whether the engine may append its bookkeeping to the script (same implicit transaction, so
 * "applied" is recorded exactly when the script commits). Cheap word test first: most Prisma
 * migrations are plain DDL and never reach the parser.
 */
export async function runsAsSingleTransaction(sql: string): Promise<boolean> {
  if (!MAYBE_NOT_SINGLE.test(sql)) return true;
  return (await scriptShape(sql)).singleTransaction;
}
