import { readFile } from "node:fs/promises";
import path from "node:path";
import { checksumOf } from "./checksum";
import { EngineError } from "./errors";
import { listMigrationFolder, type FolderEntry } from "./migration-folder";
import type { MigrationFile } from "./types";

export type MigrationsSource = {
  migrations: MigrationFile[];
  /** Folders that hold no migration.sql: not migrations, listed so a UI can say why they were ignored. */
  skipped: string[];
  /** provider from migration_lock.toml, when the file exists. */
  lockProvider: string | null;
};

/** Reads a Prisma migrations directory: `<name>/migration.sql` with optional `down.sql` and `verify.sql`. */
export async function readMigrationsDir(dir: string): Promise<MigrationFile[]> {
  return (await readMigrationsSource(dir)).migrations;
}

export async function readMigrationsSource(dir: string): Promise<MigrationsSource> {
  let entries: FolderEntry[];
  try {
    entries = listMigrationFolder(dir);
  } catch (error) {
    throw new EngineError("BAD_INPUT", `Cannot read migrations directory ${dir}: ${(error as Error).message}`, { dir });
  }

  const lockProvider = await readLockProvider(dir);
  if (lockProvider !== null && lockProvider !== "postgresql") {
    throw new EngineError(
      "BAD_INPUT",
      `migration_lock.toml in ${dir} says provider "${lockProvider}"; Sluice applies PostgreSQL migrations only ("postgresql").`,
      { dir, provider: lockProvider },
    );
  }

  // The name alone decides the order (Prisma's rule): a name with spaces or an odd prefix is still a migration.
  const migrations: MigrationFile[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    if (entry.kind === "sql-file") continue;
    const bytes = entry.kind === "migration" ? await readOptional(path.join(entry.path, "migration.sql")) : null;
    if (bytes === null) {
      skipped.push(entry.name);
      continue;
    }
    const [down, verify] = await Promise.all([readOptional(path.join(entry.path, "down.sql")), readOptional(path.join(entry.path, "verify.sql"))]);
    migrations.push({
      name: entry.name,
      sql: bytes.toString("utf8"),
      checksum: checksumOf(bytes),
      downSql: down?.toString("utf8") ?? null,
      verifySql: verify?.toString("utf8") ?? null,
    });
  }
  return { migrations, skipped, lockProvider };
}

async function readLockProvider(dir: string): Promise<string | null> {
  const lock = await readOptional(path.join(dir, "migration_lock.toml"));
  if (lock === null) return null;
  const match = /^\s*provider\s*=\s*"([^"]*)"/m.exec(lock.toString("utf8"));
  return match ? match[1] : null;
}

async function readOptional(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return null;
    throw error;
  }
}
