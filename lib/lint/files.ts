import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { LintConfig } from "./config";
import { lintUnit } from "./linter";
import { parseSql } from "./parse";
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
function resolveSources(paths: string[]): Map<string, Set<string>> {
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
    else for (const source of migrationsIn(full)) request(full, source.file);
  }
  return requested;
}

/**
 * Lints files and migration directories. Migrations are linted in name order within their
 * directory, each knowing the tables created by those before it (listed or not).
 */
export function lintSources(paths: string[], config: LintConfig, stats?: TableStats): FileReport[] {
  const reports: FileReport[] = [];
  for (const [historyDir, files] of resolveSources(paths)) {
    const siblings = migrationsIn(historyDir);
    const schema = SchemaModel.fromStats(stats);
    const last = Math.max(...siblings.map((s, i) => (files.has(s.file) ? i : -1)));
    for (const source of siblings.slice(0, last + 1)) {
      const sql = readFileSync(source.sqlPath, "utf8");
      if (!files.has(source.file)) {
        applyQuietly(schema, sql);
        continue;
      }
      const downSql = source.isDirectory ? (existsSync(source.downPath!) ? readFileSync(source.downPath!, "utf8") : null) : undefined;
      const { report } = lintUnit({ file: path.relative(process.cwd(), source.file), sql, downSql, config, baseSchema: schema, stats });
      reports.push({ file: path.relative(process.cwd(), source.file), report });
    }
  }
  return reports;
}

/** Earlier migrations only inform the schema; one that does not parse is reported when linted itself. */
function applyQuietly(schema: SchemaModel, sql: string): void {
  try {
    for (const statement of parseSql(sql).statements) schema.apply(statement.node);
  } catch {
    return;
  }
}
