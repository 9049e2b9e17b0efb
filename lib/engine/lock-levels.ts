import { parse } from "libpg-query";

export type LockMode = "ACCESS EXCLUSIVE" | "EXCLUSIVE" | "SHARE ROW EXCLUSIVE" | "SHARE" | "SHARE UPDATE EXCLUSIVE" | "ROW EXCLUSIVE" | "none";

export type StatementLock = { statement: number; kind: string; relation: string | null; lock: LockMode; line: number };

// ALTER TABLE subcommands that take less than ACCESS EXCLUSIVE (PostgreSQL docs, "ALTER TABLE").
const ALTER_TABLE_WEAKER: Record<string, LockMode> = {
  AT_ValidateConstraint: "SHARE UPDATE EXCLUSIVE",
  AT_SetStatistics: "SHARE UPDATE EXCLUSIVE",
  AT_SetRelOptions: "SHARE UPDATE EXCLUSIVE",
  AT_ResetRelOptions: "SHARE UPDATE EXCLUSIVE",
  AT_ClusterOn: "SHARE UPDATE EXCLUSIVE",
  AT_DropCluster: "SHARE UPDATE EXCLUSIVE",
  AT_AttachPartition: "SHARE UPDATE EXCLUSIVE",
  AT_EnableTrig: "SHARE ROW EXCLUSIVE",
  AT_DisableTrig: "SHARE ROW EXCLUSIVE",
  AT_AddConstraint: "ACCESS EXCLUSIVE",
};

const BY_KIND: Record<string, LockMode> = {
  DropStmt: "ACCESS EXCLUSIVE",
  TruncateStmt: "ACCESS EXCLUSIVE",
  RenameStmt: "ACCESS EXCLUSIVE",
  ClusterStmt: "ACCESS EXCLUSIVE",
  RefreshMatViewStmt: "ACCESS EXCLUSIVE",
  CreateTrigStmt: "SHARE ROW EXCLUSIVE",
  CreatePolicyStmt: "ACCESS EXCLUSIVE",
  AlterPolicyStmt: "ACCESS EXCLUSIVE",
  InsertStmt: "ROW EXCLUSIVE",
  UpdateStmt: "ROW EXCLUSIVE",
  DeleteStmt: "ROW EXCLUSIVE",
  MergeStmt: "ROW EXCLUSIVE",
  VacuumStmt: "SHARE UPDATE EXCLUSIVE",
};

/**
 * The strongest table lock each statement of a script takes on an existing relation, so a plan
 * can say what traffic a migration blocks. Statements that only create new objects lock
 * nothing anyone else uses and report "none".
 */
export async function statementLocks(sql: string): Promise<StatementLock[] | null> {
  let stmts;
  try {
    stmts = (await parse(sql)).stmts ?? [];
  } catch {
    return null;
  }
  return stmts.map((raw, index) => {
    const [kind, body] = Object.entries(raw.stmt ?? {})[0] ?? ["Unknown", {}];
    const node = body as { relation?: { relname?: string; schemaname?: string }; concurrent?: boolean; cmds?: { AlterTableCmd?: { subtype?: string } }[]; mode?: number; relations?: unknown[] };
    const relation = node.relation?.relname ? [node.relation.schemaname, node.relation.relname].filter(Boolean).join(".") : null;
    return { statement: index + 1, kind, relation, lock: lockOf(kind, node), line: lineAt(sql, raw.stmt_location ?? 0) };
  });
}

function lockOf(kind: string, node: { concurrent?: boolean; cmds?: { AlterTableCmd?: { subtype?: string } }[] }): LockMode {
  if (kind === "IndexStmt") return node.concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE";
  if (kind === "AlterTableStmt") {
    const modes = (node.cmds ?? []).map((c) => ALTER_TABLE_WEAKER[c.AlterTableCmd?.subtype ?? ""] ?? "ACCESS EXCLUSIVE");
    return strongest(modes);
  }
  if (kind === "LockStmt") return "ACCESS EXCLUSIVE";
  return BY_KIND[kind] ?? "none";
}

const ORDER: LockMode[] = ["none", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"];

export function strongest(modes: LockMode[]): LockMode {
  return modes.reduce<LockMode>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), "none");
}

function lineAt(sql: string, offset: number): number {
  // stmt_location counts bytes; the first statement's is omitted (0).
  const prefix = Buffer.from(sql, "utf8").subarray(0, offset).toString("utf8");
  const leading = /^\s*/.exec(sql.slice(prefix.length))?.[0] ?? "";
  return (prefix + leading).split("\n").length;
}
