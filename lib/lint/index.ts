/**
 * Sluice's migration safety linter: parses SQL with PostgreSQL's own parser (libpg-query) and
 * reports locking, compatibility, multi-tenant and process hazards, each with the safe way.
 * Everything here is pure except loadTargetStats (reads the target's statistics) and lintFiles
 * (reads the files it is given).
 */
import { parseLintConfig, readLintConfigFile, type LintConfig, type LintConfigInput } from "./config";
import { lintSources, type FileReport, type StatsSource } from "./files";
import { lintUnit } from "./linter";
import { SqlParseError, loadParser, parseSql } from "./parse";
import { RULE_IDS } from "./rules";
import { SchemaModel } from "./schema";
import { riskLevelOf } from "./severity";
import type { LintReport, ParseError, RiskLevel, TableStats } from "./types";

export { loadTargetStats } from "./stats";
export { riskLevelOf } from "./severity";
export { RULES, RULE_IDS } from "./rules";
export { LintConfigError, type LintConfig, type LintConfigInput } from "./config";
export type { FileReport, StatsSource } from "./files";
export type * from "./types";
export { SEVERITIES } from "./types";

export type LintMigrationInput = {
  name: string;
  sql: string;
  /** down.sql of the migration; when absent the migration is reported as having none. */
  downSql?: string;
  /** Earlier migrations' SQL, oldest first, so the linter knows which tables and columns exist. */
  previousSql?: string[];
  config?: LintConfigInput;
  targetStats?: TableStats;
};

function resolveConfig(config: LintConfigInput | undefined): LintConfig {
  return parseLintConfig(config ?? {}, RULE_IDS);
}

/** Lints one Prisma migration (migration.sql plus optional down.sql). */
export async function lintMigration(input: LintMigrationInput): Promise<LintReport> {
  await loadParser();
  const baseSchema = SchemaModel.fromStats(input.targetStats);
  for (const previous of input.previousSql ?? []) {
    try {
      for (const statement of parseSql(previous).statements) baseSchema.apply(statement.node);
    } catch (error) {
      if (!(error instanceof SqlParseError)) throw error;
    }
  }
  return lintUnit({
    file: input.name,
    sql: input.sql,
    downSql: input.downSql ?? null,
    config: resolveConfig(input.config),
    baseSchema,
    stats: input.targetStats,
  }).report;
}

export type LintFilesOptions = {
  config?: LintConfigInput;
  /** Path of a sluice.config.json (its `lint` section); ignored when `config` is given. */
  configPath?: string;
  /** The target's statistics, or a loader called with the names the linted migrations mention. */
  targetStats?: StatsSource;
};

export type LintFilesResult = { files: FileReport[]; riskLevel: RiskLevel };

/** Lints .sql files, Prisma migration directories, or directories of either. */
export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  await loadParser();
  const config = options.config ? resolveConfig(options.config) : options.configPath ? readLintConfigFile(options.configPath, RULE_IDS) : resolveConfig({});
  const files = await lintSources(paths, config, options.targetStats);
  return { files, riskLevel: riskLevelOf({ findings: files.flatMap((f) => f.report.findings) }) };
}

/** The parse error of `sql`, or undefined when PostgreSQL's parser accepts it. */
export async function parseErrorOf(sql: string): Promise<ParseError | undefined> {
  await loadParser();
  try {
    parseSql(sql);
    return undefined;
  } catch (error) {
    if (error instanceof SqlParseError) return error.details;
    throw error;
  }
}
