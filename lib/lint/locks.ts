import type { Node, AlterTableCmd, Constraint, DropStmt } from "libpg-query";
import { keyNames, nodeAs, stringValue } from "./ast";
import { LOCK_MODES, type LockMode } from "./types";

/**
 * A lock a statement takes: on a table (the usual case), or on a type (`object: "type"`), which
 * only other DDL on that type waits for; reads and writes of tables using the type do not.
 */
export type TableLock = { table: string; lock: LockMode; object?: "type" };

export function strongerLock(a: LockMode | undefined, b: LockMode | undefined): LockMode | undefined {
  if (!a) return b;
  if (!b) return a;
  return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}

/** LOCK TABLE's numeric mode, as in PostgreSQL's lockdefs.h (1 = ACCESS SHARE … 8 = ACCESS EXCLUSIVE). */
function lockFromNumber(mode: number | undefined): LockMode {
  return LOCK_MODES[Math.min(Math.max((mode ?? 8) - 1, 0), LOCK_MODES.length - 1)];
}

/**
 * The lock each ALTER TABLE sub-command takes, following the PostgreSQL documentation of ALTER TABLE:
 * most take ACCESS EXCLUSIVE; a few were lowered so that reads (and sometimes writes) continue.
 */
function alterTableCommandLock(cmd: AlterTableCmd): LockMode {
  switch (cmd.subtype) {
    case "AT_AddConstraint":
      // A foreign key only needs to stop writes that could break it on both tables.
      return nodeAs(cmd.def, "Constraint")?.contype === "CONSTR_FOREIGN" ? "SHARE ROW EXCLUSIVE" : "ACCESS EXCLUSIVE";
    case "AT_ValidateConstraint":
    case "AT_SetStatistics":
    case "AT_ClusterOn":
    case "AT_DropCluster":
    case "AT_SetRelOptions":
    case "AT_ResetRelOptions":
    case "AT_SetOptions":
    case "AT_ResetOptions":
    case "AT_AttachPartition":
      return "SHARE UPDATE EXCLUSIVE";
    case "AT_EnableTrig":
    case "AT_EnableAlwaysTrig":
    case "AT_EnableReplicaTrig":
    case "AT_DisableTrig":
    case "AT_EnableTrigAll":
    case "AT_DisableTrigAll":
    case "AT_EnableTrigUser":
    case "AT_DisableTrigUser":
      return "SHARE ROW EXCLUSIVE";
    default:
      return "ACCESS EXCLUSIVE";
  }
}

function hasOption(options: Node[] | undefined, name: string): boolean {
  return (options ?? []).some((o) => nodeAs(o, "DefElem")?.defname === name);
}

export function isVacuumFull(node: Node): boolean {
  const vacuum = nodeAs(node, "VacuumStmt");
  return !!vacuum?.is_vacuumcmd && hasOption(vacuum.options, "full");
}

export function isConcurrentReindex(node: Node): boolean {
  return hasOption(nodeAs(node, "ReindexStmt")?.params, "concurrently");
}

/** Last name of each dropped object (`DROP TABLE s.t` → t; `DROP POLICY p ON t` → t for policies). */
export function droppedNames(drop: DropStmt): string[] {
  return (drop.objects ?? []).flatMap((object) => {
    const items = nodeAs(object, "List")?.items;
    if (!items) return [stringValue(object) ?? []].flat();
    const names = items.map(stringValue).filter((s): s is string => !!s);
    // For policies and triggers the list is [table…, object name]: the table is what gets locked.
    if (drop.removeType === "OBJECT_POLICY" || drop.removeType === "OBJECT_TRIGGER") return names.slice(-2, -1);
    return names.slice(-1);
  });
}

/**
 * CREATE TABLE … REFERENCES other (id): creating the foreign key takes SHARE ROW EXCLUSIVE on the
 * referenced table (it adds the checking triggers there), which blocks its writes until commit.
 * The new table itself is invisible to other sessions until then, so its own lock blocks nobody.
 */
function referencedByCreate(table: string, elements: Node[] | undefined): TableLock[] {
  const referenced = new Set<string>();
  const add = (constraint: Constraint | undefined) => {
    const parent = constraint?.contype === "CONSTR_FOREIGN" ? constraint.pktable?.relname : undefined;
    if (parent && parent !== table) referenced.add(parent);
  };
  for (const element of elements ?? []) {
    const column = nodeAs(element, "ColumnDef");
    if (column) for (const constraint of column.constraints ?? []) add(nodeAs(constraint, "Constraint"));
    else add(nodeAs(element, "Constraint"));
  }
  return [...referenced].map((parent) => ({ table: parent, lock: "SHARE ROW EXCLUSIVE" as const }));
}

/**
 * Tables a statement locks and in which mode. `indexTable` resolves an index name to its table
 * (DROP INDEX and REINDEX INDEX name only the index).
 */
export function tableLocks(node: Node, indexTable: (index: string) => string | undefined): TableLock[] {
  const alter = nodeAs(node, "AlterTableStmt");
  if (alter?.relation?.relname) {
    const locks: TableLock[] = [];
    let lock: LockMode | undefined;
    for (const c of alter.cmds ?? []) {
      const cmd = nodeAs(c, "AlterTableCmd");
      if (!cmd) continue;
      lock = strongerLock(lock, alterTableCommandLock(cmd));
      const referenced = nodeAs(cmd.def, "Constraint")?.pktable?.relname;
      if (referenced) locks.push({ table: referenced, lock: "SHARE ROW EXCLUSIVE" });
    }
    return lock ? [{ table: alter.relation.relname, lock }, ...locks] : locks;
  }
  const create = nodeAs(node, "CreateStmt");
  if (create?.relation?.relname) return referencedByCreate(create.relation.relname, create.tableElts);

  const alterEnum = nodeAs(node, "AlterEnumStmt");
  if (alterEnum?.newVal) {
    // ADD VALUE / RENAME VALUE: pg_enum.c takes ExclusiveLock on the type until commit (so two
    // sessions cannot change its labels at once); it does not lock the tables using the type. Before
    // PostgreSQL 12 it cannot run inside a transaction block; since 12 it can, but the new value
    // cannot be used until the transaction commits ("unsafe use of new value").
    const typeName = keyNames(alterEnum.typeName).at(-1);
    return typeName ? [{ table: typeName, lock: "EXCLUSIVE", object: "type" }] : [];
  }
  const rename = nodeAs(node, "RenameStmt");
  if (rename?.relation?.relname) return [{ table: rename.relation.relname, lock: "ACCESS EXCLUSIVE" }];

  const index = nodeAs(node, "IndexStmt");
  if (index?.relation?.relname) {
    return [{ table: index.relation.relname, lock: index.concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE" }];
  }
  const drop = nodeAs(node, "DropStmt");
  if (drop) {
    const names = droppedNames(drop);
    switch (drop.removeType) {
      case "OBJECT_TABLE":
      case "OBJECT_MATVIEW":
      case "OBJECT_POLICY":
      case "OBJECT_TRIGGER":
        return names.map((table) => ({ table, lock: "ACCESS EXCLUSIVE" as const }));
      case "OBJECT_INDEX":
        return names.flatMap((name) => {
          const table = indexTable(name);
          return table ? [{ table, lock: drop.concurrent ? ("SHARE UPDATE EXCLUSIVE" as const) : ("ACCESS EXCLUSIVE" as const) }] : [];
        });
      default:
        return [];
    }
  }
  const truncate = nodeAs(node, "TruncateStmt");
  if (truncate) {
    return (truncate.relations ?? []).flatMap((r) => {
      const table = nodeAs(r, "RangeVar")?.relname;
      return table ? [{ table, lock: "ACCESS EXCLUSIVE" as const }] : [];
    });
  }
  const vacuum = nodeAs(node, "VacuumStmt");
  if (vacuum) {
    const lock: LockMode = isVacuumFull(node) ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE";
    return (vacuum.rels ?? []).flatMap((r) => {
      const table = nodeAs(r, "VacuumRelation")?.relation?.relname;
      return table ? [{ table, lock }] : [];
    });
  }
  const cluster = nodeAs(node, "ClusterStmt");
  if (cluster?.relation?.relname) return [{ table: cluster.relation.relname, lock: "ACCESS EXCLUSIVE" }];

  const refresh = nodeAs(node, "RefreshMatViewStmt");
  if (refresh?.relation?.relname) {
    return [{ table: refresh.relation.relname, lock: refresh.concurrent ? "EXCLUSIVE" : "ACCESS EXCLUSIVE" }];
  }
  const reindex = nodeAs(node, "ReindexStmt");
  if (reindex?.relation?.relname) {
    const onIndex = reindex.kind === "REINDEX_OBJECT_INDEX";
    const table = onIndex ? indexTable(reindex.relation.relname) : reindex.relation.relname;
    if (!table) return [];
    if (isConcurrentReindex(node)) return [{ table, lock: "SHARE UPDATE EXCLUSIVE" }];
    // REINDEX INDEX holds ACCESS EXCLUSIVE on the index, so every query planning to use it waits.
    return [{ table, lock: onIndex ? "ACCESS EXCLUSIVE" : "SHARE" }];
  }
  const trigger = nodeAs(node, "CreateTrigStmt");
  if (trigger?.relation?.relname) return [{ table: trigger.relation.relname, lock: "SHARE ROW EXCLUSIVE" }];

  const policy = nodeAs(node, "CreatePolicyStmt") ?? nodeAs(node, "AlterPolicyStmt");
  if (policy?.table?.relname) return [{ table: policy.table.relname, lock: "ACCESS EXCLUSIVE" }];

  const lockStmt = nodeAs(node, "LockStmt");
  if (lockStmt) {
    const lock = lockFromNumber(lockStmt.mode);
    return (lockStmt.relations ?? []).flatMap((r) => {
      const table = nodeAs(r, "RangeVar")?.relname;
      return table ? [{ table, lock }] : [];
    });
  }
  const dml = nodeAs(node, "UpdateStmt") ?? nodeAs(node, "DeleteStmt") ?? nodeAs(node, "InsertStmt");
  if (dml?.relation?.relname) return [{ table: dml.relation.relname, lock: "ROW EXCLUSIVE" }];
  return [];
}
