import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { LintConfig } from "./config";
import { lintUnit } from "./linter";
import { mentionedNames } from "./ast";
import { SqlParseError, parseSql, type ParsedSql } from "./parse";
import { SchemaModel } from "./schema";
import type { LintReport, TableStats } from "./types";

/** A migration as found on disk: a Prisma migration directory or a lone .sql file. */
type MigrationSource = { file: string; sqlPath: string; downPath?: string; isDirectory: boolean };

export type FileReport = { file: string; report: LintReport };

const MIGRATION_FILE = "migration.sql";
const DOWN_FILE = "down.sql";

function isMigrationDirectory(dir: string): boolean {
  return existsSync(path.join(dir, MIGRATION_FILE));
}

function directorySource(dir: string): MigrationSource {
  return { file: path.join(dir, MIGRATION_FILE), sqlPath: path.join(dir, MIGRATION_FILE), downPath: path.join(dir, DOWN_FILE), isDirectory: true };
}

/** The migrations that sit side by side in `dir`, in the order a migrator applies them (by name). */
function migrationsIn(dir: string): MigrationSource[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => (e.isDirectory() && isMigrationDirectory(path.join(dir, e.name))) || (e.isFile() && e.name.endsWith(".sql") && !e.name.endsWith(".down.sql") && e.name !== DOWN_FILE))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const full = path.join(dir, name);
      return name.endsWith(".sql") ? { file: full, sqlPath: full, isDirectory: false } : directorySource(full);
    });
}

/** Expands the CLI's arguments into migrations, grouped by the directory whose history they share. */
function resolveSources(paths: string[], listDir: (dir: string) => MigrationSource[]): Map<string, Set<string>> {
  const requested = new Map<string, Set<string>>();
  const request = (historyDir: string, file: string) => requested.set(historyDir, (requested.get(historyDir) ?? new Set()).add(file));
  for (const input of paths) {
    const full = path.resolve(input);
    if (!existsSync(full)) throw new Error(`No such file or directory: ${input}`);
    if (statSync(full).isFile()) {
      const inMigrationDir = path.basename(full) === MIGRATION_FILE;
      request(inMigrationDir ? path.dirname(path.dirname(full)) : path.dirname(full), full);
    }
    else if (isMigrationDirectory(full)) request(path.dirname(full), path.join(full, MIGRATION_FILE));
    else for (const source of listDir(full)) request(full, source.file);
  }
  return requested;
}

/** A migration to lint, read and parsed once; `parsed` is undefined when migration.sql does not parse. */
type LoadedUnit = { file: string; sql: string; downSql?: string | null; parsed?: ParsedSql };

/** What each history directory holds, in order: earlier migrations only inform the schema. */
type LoadedHistory = { steps: ({ lint: LoadedUnit } | { replay: ParsedSql | undefined })[] };

/** Size statistics, given up front or loaded once the files are parsed (for the tables they mention). */
export type StatsSource = TableStats | ((tableNames: string[]) => Promise<TableStats>);

function readOptional(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function parseQuietly(sql: string): ParsedSql | undefined {
  try {
    return parseSql(sql);
  } catch (error) {
    if (error instanceof SqlParseError) return undefined;
    throw error;
  }
}

function loadHistories(paths: string[]): LoadedHistory[] {
  const cwd = process.cwd();
  const histories: LoadedHistory[] = [];
  // A directory given as an argument is also the history it is linted against: list it once.
  const listed = new Map<string, MigrationSource[]>();
  const listDir = (dir: string) => listed.get(dir) ?? listed.set(dir, migrationsIn(dir)).get(dir)!;
  for (const [historyDir, files] of resolveSources(paths, listDir)) {
    const siblings = listDir(historyDir);
    const last = siblings.findLastIndex((s) => files.has(s.file));
    const steps: LoadedHistory["steps"] = [];
    for (const source of siblings.slice(0, last + 1)) {
      const sql = readFileSync(source.sqlPath, "utf8");
      if (!files.has(source.file)) {
        steps.push({ replay: parseQuietly(sql) });
        continue;
      }
      const downSql = source.isDirectory ? readOptional(source.downPath!) : undefined;
      steps.push({ lint: { file: path.relative(cwd, source.file), sql, downSql, parsed: parseQuietly(sql) } });
    }
    histories.push({ steps });
  }
  return histories;
}

/** Every name the linted migrations mention: the tables whose statistics matter. */
function mentionedTables(histories: LoadedHistory[]): string[] {
  const names = new Set<string>();
  for (const { steps } of histories) {
    for (const step of steps) if ("lint" in step) for (const statement of step.lint.parsed?.statements ?? []) mentionedNames(statement.node, names);
  }
  return [...names];
}

/**
 * Lints files and migration directories. Migrations are linted in name order within their
 * directory, each knowing the tables created by those before it (listed or not). Each file is
 * read and parsed once.
 */
export async function lintSources(paths: string[], config: LintConfig, statsSource?: StatsSource): Promise<FileReport[]> {
  const histories = loadHistories(paths);
  const stats = typeof statsSource === "function" ? await statsSource(mentionedTables(histories)) : statsSource;
  const reports: FileReport[] = [];
  for (const { steps } of histories) {
    const schema = SchemaModel.fromStats(stats);
    for (const step of steps) {
      if ("replay" in step) {
        for (const statement of step.replay?.statements ?? []) schema.apply(statement.node);
        continue;
      }
      const { file, sql, downSql, parsed } = step.lint;
      const { report } = lintUnit({ file, sql, parsed, downSql, config, baseSchema: schema, stats });
      reports.push({ file, report });
    }
  }
  return reports;
}
