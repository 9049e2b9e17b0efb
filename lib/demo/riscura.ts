import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

/** Riscura's Prisma migrations folder: the demo project's source of migrations. */
export const RISCURA_MIGRATIONS_DIR = path.resolve(__dirname, "../../demo/riscura/migrations");

/** Migrations every demo target has applied; the later ones are left for the demo's review flow. */
export const RISCURA_APPLIED_COUNT = 5;

export type RiscuraMigrationFolder = { name: string; up: string; down: string };

export async function readRiscuraFolders(dir = RISCURA_MIGRATIONS_DIR): Promise<RiscuraMigrationFolder[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => ({
      name,
      up: await readFile(path.join(dir, name, "migration.sql"), "utf8"),
      down: await readFile(path.join(dir, name, "down.sql"), "utf8"),
    })),
  );
}

/**
 * Runs a script the way Sluice's engine does: one simple-protocol query, except that a script
 * with CONCURRENTLY statements (which refuse to run in the implicit transaction of a
 * multi-statement query) goes statement by statement. Splitting on ";\n" is safe for the
 * demo's own files, which put one statement per line end.
 */
export async function runScript(client: pg.Client, sql: string): Promise<void> {
  if (!/\bCONCURRENTLY\b/i.test(sql)) {
    await client.query(sql);
    return;
  }
  for (const statement of sql.split(/;\s*\n/)) {
    if (statement.replace(/--.*$/gm, "").trim() === "") continue;
    await client.query(statement);
  }
}
