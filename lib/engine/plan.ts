import { statementLocks, strongest, type LockMode, type StatementLock } from "./lock-levels";
import { migrationStatus, type StatusReport } from "./status";
import type { MigrationFile } from "./types";

export type PlannedMigration = {
  order: number;
  name: string;
  checksum: string;
  /** "pending" or "rolled_back" (due again). */
  state: string;
  statements: StatementLock[] | null;
  strongestLock: LockMode | "unknown";
  hasDownSql: boolean;
  hasVerifySql: boolean;
};

export type DeployPlan = {
  database: string;
  schema: string;
  /** What deploy would apply, in this order. Empty when up to date or blocked. */
  migrations: PlannedMigration[];
  /** Reasons deploy would refuse to start (failed migration present). */
  blockers: string[];
  warnings: string[];
  status: StatusReport;
};

/** Dry run: what `deploy` would do against this database now. Reads only; changes nothing. */
export async function planMigrations(opts: { url: string; migrations: MigrationFile[] }): Promise<DeployPlan> {
  const status = await migrationStatus({ url: opts.url, migrations: opts.migrations, applicationName: "sluice-plan" });
  const blockers = status.failed.map((name) => `Migration ${name} is failed: deploy refuses to run until it is resolved (sluice migrate resolve --rolled-back|--applied "${name}").`);
  const warnings = [
    ...status.modified.map((name) => `${name} was modified after it was applied; it will not be re-run.`),
    ...status.unknown.map((name) => `${name} is applied in the database but missing from the source.`),
    ...status.deployInProgress.map((h) => `A deploy holds the migration lock now (pid ${h.pid}, ${h.applicationName}).`),
  ];
  const lastApplied = status.migrations.reduce((last, entry, index) => (entry.inSource && (entry.state === "applied" || entry.state === "modified") ? index : last), -1);
  const due = status.migrations.filter((e) => e.inSource && (e.state === "pending" || e.state === "rolled_back"));
  for (const entry of due) {
    if (status.migrations.indexOf(entry) < lastApplied) warnings.push(`${entry.name} sorts before migrations already applied; it will run after them (out of order).`);
  }
  const migrations = blockers.length
    ? []
    : await Promise.all(
        due.map(async (entry, index) => {
          const file = opts.migrations.find((m) => m.name === entry.name)!;
          const statements = await statementLocks(file.sql);
          return {
            order: index + 1,
            name: entry.name,
            checksum: file.checksum,
            state: entry.state,
            statements,
            strongestLock: statements ? strongest(statements.map((s) => s.lock)) : ("unknown" as const),
            hasDownSql: file.downSql !== null,
            hasVerifySql: file.verifySql !== null,
          };
        }),
      );
  return { database: status.database, schema: status.schema, migrations, blockers, warnings, status };
}
