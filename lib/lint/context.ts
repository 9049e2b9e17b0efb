import type { Node } from "libpg-query";
import { keyNames, mentionedNames, nodeAs, nodeKind } from "./ast";
import type { LintConfig } from "./config";
import { isConcurrentReindex, tableLocks, type TableLock } from "./locks";
import type { ParsedStatement } from "./parse";
import { SchemaModel } from "./schema";
import type { TableStats } from "./types";

export type StatementInfo = ParsedStatement & {
  kind: string;
  locks: TableLock[];
  isDdl: boolean;
  /** UPDATE, DELETE or INSERT … SELECT: rewrites rows rather than schema. */
  isBackfill: boolean;
  /** Statements PostgreSQL refuses to run inside a transaction block. */
  nonTransactional: boolean;
  /** Statements sharing an id commit together; undefined when the statement commits on its own. */
  transactionId?: number;
  inExplicitTransaction: boolean;
  schemaBefore: SchemaModel;
};

/** What a migration directory holds besides migration.sql; absent when linting a lone file. */
export type MigrationFiles = { downStatements?: ParsedStatement[] };

export type LintContext = {
  file: string;
  statements: StatementInfo[];
  /** The kinds of statement in the file ("AlterTableStmt", …). */
  kinds: ReadonlySet<string>;
  config: LintConfig;
  stats?: TableStats;
  schemaAfter: SchemaModel;
  /** Tables (and enum types) created by this file, with the index of the creating statement. */
  createdTables: ReadonlyMap<string, number>;
  migration?: MigrationFiles;
  /** Views of the file that several rules share, computed on first use (rules/support.ts). */
  views: Map<symbol, unknown>;
};

const DDL_KINDS = new Set([
  "CreateStmt",
  "AlterTableStmt",
  "IndexStmt",
  "DropStmt",
  "RenameStmt",
  "CreateTrigStmt",
  "CreatePolicyStmt",
  "AlterPolicyStmt",
  "AlterEnumStmt",
  "CreateEnumStmt",
  "TruncateStmt",
  "ClusterStmt",
  "ReindexStmt",
  "CreateSchemaStmt",
  "ViewStmt",
  "CreateTableAsStmt",
  "RefreshMatViewStmt",
  "CompositeTypeStmt",
  "CreateDomainStmt",
  "AlterDomainStmt",
  "CreateSeqStmt",
  "AlterSeqStmt",
]);

function isNonTransactional(node: Node): boolean {
  return (
    !!nodeAs(node, "IndexStmt")?.concurrent ||
    !!nodeAs(node, "DropStmt")?.concurrent ||
    isConcurrentReindex(node) ||
    !!nodeAs(node, "VacuumStmt")?.is_vacuumcmd ||
    "CreatedbStmt" in node ||
    "DropdbStmt" in node ||
    "AlterSystemStmt" in node
  );
}

function isBackfill(node: Node): boolean {
  if ("UpdateStmt" in node || "DeleteStmt" in node) return true;
  const select = nodeAs(nodeAs(node, "InsertStmt")?.selectStmt, "SelectStmt");
  return (select?.fromClause?.length ?? 0) > 0;
}

function transactionBoundary(node: Node): "begin" | "end" | undefined {
  const kind = nodeAs(node, "TransactionStmt")?.kind;
  if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") return "begin";
  if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK") return "end";
  return undefined;
}

/**
 * How the statements group into transactions, modelled on how Prisma Migrate applies a file:
 * with its own BEGIN … COMMIT, each block is a transaction and the statements outside commit one by
 * one; with a statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM …), every
 * statement commits on its own; otherwise the whole file is one implicit transaction.
 * Sets transactionId and inExplicitTransaction in place.
 */
function assignTransactions(statements: StatementInfo[]): void {
  const explicit = statements.some((s) => transactionBoundary(s.node) === "begin");
  const anyNonTransactional = statements.some((s) => s.nonTransactional);
  let block = 0;
  let open = false;
  for (const s of statements) {
    if (!explicit) {
      s.transactionId = anyNonTransactional ? undefined : 0;
      continue;
    }
    const boundary = transactionBoundary(s.node);
    if (boundary === "begin") {
      open = true;
      block++;
    }
    s.transactionId = open ? block : undefined;
    s.inExplicitTransaction = open;
    if (boundary === "end") open = false;
  }
}

export function buildContext(input: {
  file: string;
  statements: ParsedStatement[];
  config: LintConfig;
  baseSchema: SchemaModel;
  stats?: TableStats;
  migration?: MigrationFiles;
}): LintContext {
  // Advanced in place: after the file, it describes the schema the next migration starts from.
  const schema = input.baseSchema;
  const createdTables = new Map<string, number>();
  const statements = input.statements.map((statement): StatementInfo => {
    const { node } = statement;
    const schemaBefore = schema.subset(mentionedNames(node));
    const createdEnum = nodeAs(node, "CreateEnumStmt");
    const created = nodeAs(node, "CreateStmt")?.relation?.relname ?? (createdEnum ? keyNames(createdEnum.typeName).at(-1) : undefined);
    if (created && !createdTables.has(created)) createdTables.set(created, statement.index);
    schema.apply(node);
    const kind = nodeKind(node);
    return {
      index: statement.index,
      node,
      text: statement.text,
      start: statement.start,
      line: statement.line,
      column: statement.column,
      kind,
      locks: tableLocks(node, (index) => schemaBefore.indexes.get(index)),
      isDdl: DDL_KINDS.has(kind),
      isBackfill: isBackfill(node),
      nonTransactional: isNonTransactional(node),
      transactionId: undefined,
      inExplicitTransaction: false,
      schemaBefore,
    };
  });
  assignTransactions(statements);
  return {
    file: input.file,
    statements,
    kinds: new Set(statements.map((s) => s.kind)),
    config: input.config,
    stats: input.stats,
    schemaAfter: schema,
    createdTables,
    migration: input.migration,
    views: new Map(),
  };
}

/** A table (or type) is "existing" (others are using it) unless this file created it earlier. */
export function isExistingTable(ctx: LintContext, table: string, atStatement: number): boolean {
  const created = ctx.createdTables.get(table);
  return created === undefined || created > atStatement;
}

/** A tenant table carries the tenant key column, per the file, earlier migrations or the catalog. */
export function isTenantTable(ctx: LintContext, table: string, statement?: StatementInfo): boolean {
  const key = ctx.config.tenantKey;
  return ctx.schemaAfter.hasColumn(table, key) || (statement?.schemaBefore.hasColumn(table, key) ?? false);
}

/**
 * Estimated rows: pg_class.reltuples (the planner's estimate, set by ANALYZE and VACUUM), else
 * n_live_tup for tables never analyzed. n_live_tup alone can double-count rows inserted just
 * before an ANALYZE, so it is only the fallback.
 */
export function tableRows(ctx: LintContext, table: string): number | undefined {
  const size = ctx.stats?.[table];
  if (!size) return undefined;
  if (size.reltuples !== undefined && size.reltuples >= 0) return size.reltuples;
  return size.liveTuples;
}
