import type { LintConfig } from "./config";
import { buildContext, tableRows, type MigrationFiles } from "./context";
import { SqlParseError, parseSql, type ParsedSql } from "./parse";
import { RULES } from "./rules";
import type { SchemaModel } from "./schema";
import { riskLevelOf, sizeSeverity } from "./severity";
import type { Finding, LintReport, Rule, RuleHit, TableStats } from "./types";

export type LintUnit = {
  file: string;
  sql: string;
  /** `sql` already parsed by the caller (so a file is parsed once); parsed here when absent. */
  parsed?: ParsedSql;
  /** Undefined for a lone SQL file; for a migration, the down.sql text or null when there is none. */
  downSql?: string | null;
  config: LintConfig;
  /** Schema known before this file (earlier migrations, target catalog); linting advances it past the file. */
  baseSchema: SchemaModel;
  stats?: TableStats;
};

const enabledRulesByConfig = new WeakMap<LintConfig, Rule[]>();

export function enabledRules(config: LintConfig): Rule[] {
  let rules = enabledRulesByConfig.get(config);
  if (!rules) {
    rules = RULES.filter((rule) => config.rules[rule.id] !== "off");
    enabledRulesByConfig.set(config, rules);
  }
  return rules;
}

/** Lints one file that has already been read; returns the report and the parsed statements. */
export function lintUnit(unit: LintUnit): { report: LintReport; parsed?: ParsedSql } {
  let parsed: ParsedSql;
  let migration: MigrationFiles | undefined;
  try {
    parsed = unit.parsed ?? parseSql(unit.sql);
  } catch (error) {
    return { report: parseFailure(error, "") };
  }
  if (unit.downSql !== undefined) {
    try {
      migration = { downStatements: unit.downSql === null ? undefined : parseSql(unit.downSql).statements };
    } catch (error) {
      return { report: parseFailure(error, "down.sql: ") };
    }
  }
  const ctx = buildContext({ file: unit.file, statements: parsed.statements, config: unit.config, baseSchema: unit.baseSchema, stats: unit.stats, migration });
  const located: LocatedFinding[] = [];
  for (const rule of enabledRules(unit.config)) {
    if (rule.statementKinds && !hasAny(ctx.kinds, rule.statementKinds)) continue;
    for (const hit of rule.check(ctx)) located.push({ statementIndex: hit.statementIndex, finding: toFinding(rule, hit, ctx, parsed) });
  }
  applyIgnores(located, parsed);
  const findings = located.map((l) => l.finding);
  // Rule ids are lower-case ASCII: plain comparison orders them as localeCompare would, without ICU.
  findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { report: { findings, riskLevel: riskLevelOf({ findings }) }, parsed };
}

function hasAny(kinds: ReadonlySet<string>, wanted: readonly string[]): boolean {
  for (const kind of wanted) if (kinds.has(kind)) return true;
  return false;
}

function parseFailure(error: unknown, prefix: string): LintReport {
  if (!(error instanceof SqlParseError)) throw error;
  const { message, line, column } = error.details;
  return { findings: [], riskLevel: "critical", parseError: { message: prefix + message, line, column } };
}

function toFinding(rule: Rule, hit: RuleHit, ctx: ReturnType<typeof buildContext>, parsed: ParsedSql): Finding {
  const statement = parsed.statements[hit.statementIndex];
  const configured = ctx.config.rules[rule.id];
  let severity = configured && configured !== "on" && configured !== "off" ? configured : (hit.severity ?? rule.defaultSeverity);
  const rows = hit.table ? tableRows(ctx, hit.table) : undefined;
  if (rows !== undefined && rule.sizedByTable) severity = sizeSeverity(severity, rows, ctx.config.rowThresholds);
  const sizeNote = rows !== undefined ? ` Target: ~${rows.toLocaleString("en-US")} rows in "${hit.table}"${hit.lock ? `, held under ${hit.lock}` : ""}.` : "";
  // Built field by field rather than with conditional spreads: a large run makes thousands.
  const position = hit.location !== undefined ? parsed.locate(hit.location) : statement;
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    file: ctx.file,
    line: position.line,
    column: position.column,
    statementLine: statement.line,
    statement: statement.text,
    message: hit.message + sizeNote,
    safeSql: hit.safeSql,
  };
  if (hit.table) finding.table = hit.table;
  if (hit.lock) finding.lock = hit.lock;
  if (rows !== undefined) finding.estimatedRows = rows;
  return finding;
}

type LocatedFinding = { statementIndex: number; finding: Finding };

/** Each `-- sluice-ignore RULE: reason` silences one finding of RULE on the statement after it. */
function applyIgnores(located: LocatedFinding[], parsed: ParsedSql): void {
  for (const directive of parsed.ignores) {
    const target = located.find(
      (l) => !l.finding.ignored && l.finding.ruleId === directive.ruleId && l.statementIndex === directive.statementIndex,
    );
    if (target) target.finding.ignored = { reason: directive.reason };
  }
}
