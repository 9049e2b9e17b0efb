import { checksumOf, type MigrationFile } from "@/lib/engine";
import { SourceError } from "./source-error";

/**
 * Reads a Prisma migrations folder out of a git tree by the engine's rules
 * (lib/engine/source.ts), so a commit and its checkout give the same migrations:
 * a directory is a migration when it holds a `migration.sql` file, whatever its name;
 * `down.sql` and `verify.sql` beside it are Sluice's companions; names are ordered with
 * `localeCompare`; the checksum is sha256 of the raw bytes; `migration_lock.toml` must
 * say postgresql when it exists.
 */

export type TreeEntry = { mode: string; type: string; oid: string; path: string };

const COMPANIONS = { "migration.sql": "sql", "down.sql": "downSql", "verify.sql": "verifySql" } as const;
type Companion = keyof typeof COMPANIONS;
/** Regular files (plain and executable). Symlinks and submodules are not files a checkout reads the same way everywhere. */
const FILE_MODES = new Set(["100644", "100755"]);
const LOCK_FILE = "migration_lock.toml";

/** `git ls-tree -r -z` output: `<mode> SP <type> SP <oid> TAB <path> NUL`, paths verbatim. */
export function parseLsTree(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.toString("utf8").split("\0")) {
    if (!record) continue;
    const tab = record.indexOf("\t");
    const [mode, type, oid] = record.slice(0, tab).split(" ");
    entries.push({ mode, type, oid, path: record.slice(tab + 1) });
  }
  return entries;
}

/** `git cat-file --batch` output: per object `<oid> SP <type> SP <size> LF <bytes> LF`. */
export function parseCatFileBatch(output: Buffer): Map<string, Buffer> {
  const objects = new Map<string, Buffer>();
  let at = 0;
  while (at < output.length) {
    const eol = output.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = output.subarray(at, eol).toString("utf8").split(" ");
    if (header[1] === "missing" || header.length < 3) {
      at = eol + 1;
      continue;
    }
    const size = Number(header[2]);
    objects.set(header[0], output.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return objects;
}

/** The blobs a migrations folder needs from its recursive listing (relative to the folder). */
export function wantedBlobs(entries: TreeEntry[]): TreeEntry[] {
  return entries.filter((entry) => {
    if (entry.type !== "blob" || !FILE_MODES.has(entry.mode)) return false;
    const parts = entry.path.split("/");
    return (parts.length === 2 && parts[1] in COMPANIONS) || (parts.length === 1 && parts[0] === LOCK_FILE);
  });
}

function lockProviderOf(text: string): string | null {
  const match = /^\s*provider\s*=\s*"([^"]*)"/m.exec(text);
  return match ? match[1] : null;
}

/** Builds the migrations from the wanted blobs and their contents; `where` names the folder in messages. */
export function migrationsFromBlobs(entries: TreeEntry[], blobs: Map<string, Buffer>, where: string): MigrationFile[] {
  const folders = new Map<string, Partial<Record<Companion, Buffer>>>();
  for (const entry of entries) {
    const bytes = blobs.get(entry.oid);
    if (!bytes) throw new SourceError("failed", `git did not return ${entry.path} in ${where}.`);
    if (entry.path === LOCK_FILE) {
      const provider = lockProviderOf(bytes.toString("utf8"));
      if (provider !== null && provider !== "postgresql") {
        throw new SourceError("unsupported", `migration_lock.toml in ${where} says provider "${provider}"; Sluice applies PostgreSQL migrations only ("postgresql").`);
      }
      continue;
    }
    const [folder, file] = entry.path.split("/") as [string, Companion];
    folders.set(folder, { ...folders.get(folder), [file]: bytes });
  }
  const migrations: MigrationFile[] = [];
  for (const [name, files] of folders) {
    if (!files["migration.sql"]) continue;
    migrations.push({
      name,
      sql: files["migration.sql"].toString("utf8"),
      checksum: checksumOf(files["migration.sql"]),
      downSql: files["down.sql"]?.toString("utf8") ?? null,
      verifySql: files["verify.sql"]?.toString("utf8") ?? null,
    });
  }
  return migrations.sort((a, b) => a.name.localeCompare(b.name));
}
