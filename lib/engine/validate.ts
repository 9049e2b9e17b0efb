import { EngineError } from "./errors";
import type { MigrationFile } from "./types";

/** Migrations handed in by API callers (uploads, bundles) get the same checks a directory gets. */
export function assertValidMigrations(migrations: MigrationFile[]): void {
  const seen = new Set<string>();
  for (const migration of migrations) {
    if (!migration.name || migration.name.length > 255) {
      throw new EngineError("BAD_INPUT", `Migration name must be 1 to 255 characters (_prisma_migrations.migration_name is varchar(255)): "${migration.name}"`);
    }
    if (seen.has(migration.name)) throw new EngineError("BAD_INPUT", `Migration "${migration.name}" appears twice`);
    if (!/^[0-9a-f]{64}$/.test(migration.checksum)) throw new EngineError("BAD_INPUT", `Migration "${migration.name}" has no valid sha256 checksum`);
    seen.add(migration.name);
  }
}
