import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The one reading of a Prisma migrations folder, shared by the engine, the linter, the matrix
 * and the CLI, so all of them see the same migrations in the same order:
 * - a directory is a migration when it holds `migration.sql`, whatever its name (a real project
 *   has `…_background_migration.sql/`);
 * - migrations are ordered by name compared with `localeCompare`, Prisma's rule.
 * Kept free of the database driver: the `sluice lint` bundle imports it.
 */
export function compareMigrationNames(a: string, b: string): number {
  return a.localeCompare(b);
}

export type FolderEntry =
  /** A directory holding migration.sql. */
  | { kind: "migration"; name: string; path: string }
  /** A lone `.sql` file beside the migration directories (the linter accepts these; the engine does not). */
  | { kind: "sql-file"; name: string; path: string }
  /** A directory without migration.sql: not a migration, listed so callers can say why it was ignored. */
  | { kind: "not-a-migration"; name: string; path: string };

const MIGRATION_FILE = "migration.sql";

function holdsMigration(dir: string): boolean {
  try {
    return readdirSync(dir).includes(MIGRATION_FILE);
  } catch {
    // Unreadable: a migration we cannot see. The caller reports the folder when it reads it.
    return true;
  }
}

/** The folder's entries in migration order. Throws the file system's error when `dir` itself cannot be read. */
export function listMigrationFolder(dir: string): FolderEntry[] {
  const entries: FolderEntry[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) entries.push({ kind: holdsMigration(full) ? "migration" : "not-a-migration", name: entry.name, path: full });
    else if (entry.isFile() && entry.name.endsWith(".sql") && !entry.name.endsWith(".down.sql") && entry.name !== "down.sql" && entry.name !== MIGRATION_FILE) {
      entries.push({ kind: "sql-file", name: entry.name, path: full });
    }
  }
  return entries.sort((a, b) => compareMigrationNames(a.name, b.name));
}
