import { deployMigrations } from "./apply";
import { diffCatalogs, snapshotCatalog, type CatalogDifference } from "./catalog";
import { createScratchDatabase } from "./scratch-database";
import { migrationStatus } from "./status";
import type { MigrationFile } from "./types";

export type DriftReport = {
  database: string;
  /** Applied migrations replayed on the scratch database, in source order. */
  replayed: string[];
  /** Human-readable differences; empty = no drift. */
  differences: string[];
  /** Catalog differences: expected = replay of the applied migrations, actual = live database. */
  catalog: CatalogDifference[];
};

/**
 * Drift = the live schema differs from what its applied migrations produce. The applied ones
 * are replayed on a throwaway database and both catalogs compared. A migration applied there
 * but missing here, or modified since, cannot be replayed faithfully: that is drift as well.
 */
export async function detectDrift(opts: { url: string; serverUrl?: string; migrations: MigrationFile[] }): Promise<DriftReport> {
  const status = await migrationStatus({ url: opts.url, migrations: opts.migrations, applicationName: "sluice-drift" });
  const differences = [
    ...status.unknown.map((name) => `${name} is applied in the database but missing from the source; it cannot be replayed`),
    ...status.modified.map((name) => `${name} was modified after it was applied; the replay uses the current file`),
    ...status.failed.map((name) => `${name} is failed in the database; what it left behind is not replayed`),
  ];
  const applied = new Set(status.migrations.filter((m) => m.state === "applied" || m.state === "modified").map((m) => m.name));
  const replayed = opts.migrations.filter((m) => applied.has(m.name));

  const scratch = await createScratchDatabase(opts.serverUrl ?? opts.url, "drift");
  try {
    const replay = await deployMigrations({ url: scratch.url, migrations: replayed, lockTimeoutMs: 0, applicationName: "sluice-drift" });
    if (!replay.ok) differences.push(`replaying the applied migrations failed at ${replay.failure?.migration}: ${replay.failure?.message}`);
    const catalog = diffCatalogs(await snapshotCatalog(scratch.url), await snapshotCatalog(opts.url));
    return { database: status.database, replayed: replayed.map((m) => m.name), differences: [...differences, ...catalog.map((d) => d.message)], catalog };
  } finally {
    await scratch.drop().catch(() => undefined);
  }
}
