import type { Node } from "libpg-query";

export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** PostgreSQL table-level lock modes, weakest first (docs: "Explicit Locking"). */
export const LOCK_MODES = [
  "ACCESS SHARE",
  "ROW SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE",
] as const;
export type LockMode = (typeof LOCK_MODES)[number];

export type RuleCategory = "locking" | "compatibility" | "style" | "tenancy" | "process";

export type RuleMeta = {
  id: string;
  title: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** Whether the target's table size raises or lowers the severity (rewrites and long locks do, renames don't). */
  sizedByTable: boolean;
  description: string;
  badSql: string;
  goodSql: string;
  /** Earlier migrations the examples assume (e.g. the old column type), when they need any. */
  exampleSetup?: string;
  squawk: string[];
  strongMigrations: string[];
};

/** What a rule reports; the linter adds location, severity and suppression. */
export type RuleHit = {
  statementIndex: number;
  /** Why it is dangerous: which lock, for how long, what breaks. */
  message: string;
  /** The safe way, as SQL. */
  safeSql: string;
  table?: string;
  lock?: LockMode;
  /** Overrides the rule's default severity for this hit (e.g. unknown old type is less certain). */
  severity?: Severity;
  /**
   * The parser's `location` (byte offset in the file) of the part the hit is about (a column, a
   * constraint): the finding then points at that line rather than at the statement's first one.
   */
  location?: number;
};

export type Rule = RuleMeta & {
  /**
   * The statement kinds (parser node names) the rule can report on; the linter does not run it on
   * a file that has none of them. Most files are a few statements and most rules concern one kind,
   * so this skips most rule runs on a large corpus. Omitted by rules that look at the whole file.
   * lib/lint/statement-kinds.test.ts checks every declaration against a corpus.
   */
  statementKinds?: readonly string[];
  check: (ctx: import("./context").LintContext) => RuleHit[];
};

export type Finding = {
  ruleId: string;
  severity: Severity;
  file: string;
  /** Where the problem is: the column or constraint concerned when the rule knows it, else the statement's start. */
  line: number;
  column: number;
  /** First line of the statement (`statement`). */
  statementLine: number;
  statement: string;
  message: string;
  safeSql: string;
  table?: string;
  lock?: LockMode;
  estimatedRows?: number;
  ignored?: { reason: string };
};

/** A request's risk: its worst unsilenced finding, never below low (info findings count as low). */
export type RiskLevel = Exclude<Severity, "info">;

export type ParseError = { message: string; line: number; column: number };

export type LintReport = {
  findings: Finding[];
  riskLevel: RiskLevel;
  parseError?: ParseError;
  /** The file could not be read (its path and the system's reason); nothing in it was checked. */
  readError?: string;
};

/** A column as the catalog names it: udt name (int4, varchar, numeric) and its modifiers (length, precision, scale). */
export type TableColumn = { name: string; type: string; mods?: number[] };

export type TableSize = {
  /** pg_class.reltuples (−1 when never analyzed, reported as undefined). */
  reltuples?: number;
  /** pg_stat_user_tables.n_live_tup */
  liveTuples?: number;
  /** pg_total_relation_size */
  totalBytes?: number;
  columns?: TableColumn[];
};

/** Statistics of the target database, keyed by table name (unqualified, as written in migrations). */
export type TableStats = Record<string, TableSize>;

export type AstNode = Node;
