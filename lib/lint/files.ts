import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { listMigrationFolder } from "../engine/migration-folder";
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
  // `dir` is already absolute and normalised (path.resolve, then joined with plain entry names).
  const sqlPath = `${dir}${path.sep}${MIGRATION_FILE}`;
  return { file: sqlPath, sqlPath, downPath: `${dir}${path.sep}${DOWN_FILE}`, isDirectory: true };
}

/**
 * The migrations that sit side by side in `dir`, in the order a migrator applies them: the
 * engine's own reading of the folder (lib/engine/migration-folder.ts), so the linter replays
 * the same history the engine applies. Lone .sql files are linted too.
 */
function migrationsIn(dir: string): MigrationSource[] {
  return listMigrationFolder(dir).flatMap((entry): MigrationSource[] => {
    if (entry.kind === "sql-file") return [{ file: entry.path, sqlPath: entry.path, isDirectory: false }];
    return entry.kind === "migration" ? [directorySource(entry.path)] : [];
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

/**
 * One step of a history: a migration to lint, or an earlier one that only informs the schema.
 * Read and parsed on first use and only once: without a target, each migration is read, parsed,
 * linted and dropped in turn, so a large run keeps no parse trees alive (and the garbage collector
 * has less to copy); with a target, every linted file is parsed up front to learn which tables'
 * statistics to load.
 */
class Step {
  private parsedSql: ParsedSql | undefined | null = null;
  private text: string | null | undefined;
  /** Why migration.sql could not be read (permissions, a broken link…); the rest of the history is still linted. */
  readError: string | null = null;

  constructor(
    readonly source: MigrationSource,
    /** False for an earlier migration that is replayed into the schema but not reported on. */
    readonly linted: boolean,
  ) {}

  /** The file's text; null when it cannot be read (see readError). */
  get sql(): string | null {
    if (this.text === undefined) {
      try {
        this.text = readFileSync(this.source.sqlPath, "utf8");
      } catch (error) {
        this.readError = `cannot read ${this.source.sqlPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
        this.text = null;
      }
    }
    return this.text;
  }

  /** Undefined when migration.sql does not parse (reported as such when linted) or is absent. */
  get parsed(): ParsedSql | undefined {
    if (this.parsedSql === null) {
      const sql = this.sql;
      this.parsedSql = sql === null ? undefined : parseQuietly(sql);
    }
    return this.parsedSql;
  }

  /** Drops the text and tree once the step has been used: nothing reads them again. */
  release(): void {
    this.text = undefined;
    this.parsedSql = null;
  }

  /** Undefined for a lone SQL file; for a migration directory, down.sql's text or null when there is none. */
  downSql(): string | null | undefined {
    return this.source.isDirectory ? readOptional(this.source.downPath!) : undefined;
  }
}

/** Size statistics, given up front or loaded once the files are parsed (for the tables they mention). */
export type StatsSource = TableStats | ((tableNames: string[]) => Promise<TableStats>);

/** existsSync first: most migrations have no down.sql, and a thrown ENOENT per file was a visible share of a large run. */
function readOptional(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

function parseQuietly(sql: string): ParsedSql | undefined {
  try {
    return parseSql(sql);
  } catch (error) {
    if (error instanceof SqlParseError) return undefined;
    throw error;
  }
}

/** The steps of each history directory, in the order a migrator applies them, up to the last file asked for. */
function listHistories(paths: string[]): Step[][] {
  // A directory given as an argument is also the history it is linted against: list it once.
  const listed = new Map<string, MigrationSource[]>();
  const listDir = (dir: string) => listed.get(dir) ?? listed.set(dir, migrationsIn(dir)).get(dir)!;
  return [...resolveSources(paths, listDir)].map(([historyDir, files]) => {
    const siblings = listDir(historyDir);
    const last = siblings.findLastIndex((s) => files.has(s.file));
    return siblings.slice(0, last + 1).map((source) => new Step(source, files.has(source.file)));
  });
}

/** Every name the linted migrations mention: the tables whose statistics matter. */
function mentionedTables(histories: Step[][]): string[] {
  const names = new Set<string>();
  for (const steps of histories) {
    for (const step of steps) if (step.linted) for (const statement of step.parsed?.statements ?? []) mentionedNames(statement.node, names);
  }
  return [...names];
}

/** path.relative, without its normalisation work for the usual case of a file under the working directory. */
function relativeTo(cwd: string, file: string): string {
  return file.startsWith(cwd + path.sep) ? file.slice(cwd.length + 1) : path.relative(cwd, file);
}

/**
 * Lints files and migration directories. Migrations are linted in name order within their
 * directory, each knowing the tables created by those before it (listed or not). Each file is
 * read and parsed once.
 */
export async function lintSources(paths: string[], config: LintConfig, statsSource?: StatsSource): Promise<FileReport[]> {
  const histories = listHistories(paths);
  const stats = typeof statsSource === "function" ? await statsSource(mentionedTables(histories)) : statsSource;
  const cwd = process.cwd();
  const reports: FileReport[] = [];
  for (const steps of histories) {
    const schema = SchemaModel.fromStats(stats);
    for (const step of steps) {
      const sql = step.sql;
      if (sql === null) {
        if (step.linted && step.readError) reports.push({ file: relativeTo(cwd, step.source.file), report: { findings: [], riskLevel: "critical", readError: step.readError } });
        continue;
      }
      if (!step.linted) {
        for (const statement of step.parsed?.statements ?? []) schema.apply(statement.node);
        step.release();
        continue;
      }
      const file = relativeTo(cwd, step.source.file);
      const { report } = lintUnit({ file, sql, parsed: step.parsed, downSql: step.downSql(), config, baseSchema: schema, stats });
      reports.push({ file, report });
      step.release();
    }
  }
  return reports;
}
