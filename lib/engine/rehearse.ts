import { deployMigrations } from "./apply";
import { diffCatalogs, snapshotCatalog, type CatalogDifference } from "./catalog";
import { EngineError } from "./errors";
import { eventEmitter } from "./events";
import { rollbackMigration } from "./rollback";
import { createScratchDatabase } from "./scratch-database";
import type { EngineEvent, MigrationFile } from "./types";
import { assertValidMigrations } from "./validate";

export type RehearsalStep = {
  migration: string;
  ok: boolean;
  /** "rehearsed", or why the step stopped the rehearsal / was not fully rehearsed. */
  outcome: "rehearsed" | "no-down-sql" | "up-failed" | "down-failed" | "down-leaves-difference" | "reapply-failed" | "reapply-differs";
  message: string;
  /** First catalog difference found, when the schema was not restored. */
  difference?: CatalogDifference;
};

export type RehearsalReport = {
  ok: boolean;
  database: string;
  steps: RehearsalStep[];
  /** Migrations whose rollback could not be rehearsed because they have no down.sql. */
  withoutDownSql: string[];
  failure: string | null;
};

/**
 * Up → down → up for every migration on a throwaway database, before anything touches a real
 * one: the catalog after down.sql must equal the catalog before the migration, and applying
 * it again must give the same catalog as the first time (a down.sql that forgets an enum or
 * a function fails here, not during an incident).
 */
export async function rehearseMigrations(opts: { serverUrl?: string; url?: string; migrations: MigrationFile[]; onEvent?: (e: EngineEvent) => void }): Promise<RehearsalReport> {
  assertValidMigrations(opts.migrations);
  const server = opts.serverUrl ?? opts.url;
  if (!server) throw new EngineError("BAD_INPUT", "rehearseMigrations needs serverUrl (or url) of a server where it may create a database");
  const emit = eventEmitter(opts.onEvent);
  const scratch = await createScratchDatabase(server, "rehearsal");
  const report: RehearsalReport = { ok: true, database: scratch.name, steps: [], withoutDownSql: [], failure: null };
  const fail = (step: RehearsalStep) => {
    report.steps.push(step);
    report.ok = false;
    report.failure = `${step.migration}: ${step.message}`;
    return report;
  };
  try {
    // History table (and ?schema= schema) first, so they are not mistaken for the first migration's work.
    await deployMigrations({ url: scratch.url, migrations: [], applicationName: "sluice-rehearsal" });
    for (let index = 0; index < opts.migrations.length; index++) {
      const migration = opts.migrations[index];
      const upTo = opts.migrations.slice(0, index + 1);
      const before = await snapshotCatalog(scratch.url);
      const up = await deployMigrations({ url: scratch.url, migrations: upTo, lockTimeoutMs: 0, applicationName: "sluice-rehearsal" });
      if (!up.ok) return fail({ migration: migration.name, ok: false, outcome: "up-failed", message: up.failure?.message ?? "migration did not apply" });
      emit("log", `Rehearsal: applied ${migration.name}`, { migration: migration.name });
      if (migration.downSql === null) {
        report.withoutDownSql.push(migration.name);
        report.steps.push({ migration: migration.name, ok: true, outcome: "no-down-sql", message: "applied; no down.sql, so its rollback was not rehearsed" });
        continue;
      }
      const after = await snapshotCatalog(scratch.url);
      try {
        await rollbackMigration({ url: scratch.url, migrations: upTo, name: migration.name, lockTimeoutMs: 0, applicationName: "sluice-rehearsal" });
      } catch (error) {
        return fail({ migration: migration.name, ok: false, outcome: "down-failed", message: `down.sql failed: ${(error as Error).message}` });
      }
      const [restored] = diffCatalogs(before, await snapshotCatalog(scratch.url));
      if (restored) {
        return fail({ migration: migration.name, ok: false, outcome: "down-leaves-difference", message: `down.sql does not restore the schema: ${restored.message}`, difference: restored });
      }
      const again = await deployMigrations({ url: scratch.url, migrations: upTo, lockTimeoutMs: 0, applicationName: "sluice-rehearsal" });
      if (!again.ok) return fail({ migration: migration.name, ok: false, outcome: "reapply-failed", message: `applying again after down.sql failed: ${again.failure?.message}` });
      const [reapplied] = diffCatalogs(after, await snapshotCatalog(scratch.url));
      if (reapplied) {
        return fail({ migration: migration.name, ok: false, outcome: "reapply-differs", message: `applying again after down.sql gives another schema: ${reapplied.message}`, difference: reapplied });
      }
      report.steps.push({ migration: migration.name, ok: true, outcome: "rehearsed", message: "up → down → up restores the schema" });
      emit("log", `Rehearsal: ${migration.name} up → down → up ok`, { migration: migration.name });
    }
    return report;
  } finally {
    await scratch.drop().catch(() => undefined);
  }
}
