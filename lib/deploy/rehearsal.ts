import { db } from "@/lib/db";
import { rehearseMigrations, type MigrationFile, type StatusReport } from "@/lib/engine";

export type RehearsalVerdict = { outcome: "passed" | "blocked" | "skipped"; detail: string };

/**
 * Up → down → up of the request's migrations on a throwaway database on the target's server,
 * after replaying what the target has applied, so the rehearsal starts from the target's
 * schema (without its data). The SQL of applied migrations comes from the project's folder
 * or, for pasted ones, from the requests that shipped them (matched by name and checksum).
 * When some applied migration's SQL is known nowhere, the copy would not be the target's
 * schema: the rehearsal is skipped and says why rather than block on a false difference.
 */
export async function rehearseOnSchemaCopy(opts: { url: string; projectId: string; requested: MigrationFile[]; status: StatusReport; source: MigrationFile[] }): Promise<RehearsalVerdict> {
  const requestedNames = new Set(opts.requested.map((m) => m.name));
  const applied = opts.status.migrations.filter((e) => !requestedNames.has(e.name) && e.row && (e.state === "applied" || e.state === "unknown") && e.row.finished_at && !e.row.rolled_back_at);
  const replay: MigrationFile[] = [];
  const unknown: string[] = [];
  for (const entry of applied) {
    const checksum = entry.row!.checksum;
    const fromSource = opts.source.find((s) => s.name === entry.name && s.checksum === checksum);
    const fromRequest = fromSource
      ? null
      : await db().requestMigration.findFirst({ where: { name: entry.name, checksum, request: { projectId: opts.projectId } }, select: { sql: true } });
    const sql = fromSource?.sql ?? fromRequest?.sql;
    if (sql === undefined) unknown.push(entry.name);
    else replay.push({ name: entry.name, sql, checksum, downSql: null, verifySql: null });
  }
  if (unknown.length) {
    return { outcome: "skipped", detail: `Not rehearsed: the SQL of applied migration${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} is in neither the project's folder nor a request, so a copy of the schema cannot be built.` };
  }
  replay.sort((a, b) => a.name.localeCompare(b.name));
  let report;
  try {
    report = await rehearseMigrations({ serverUrl: opts.url, migrations: [...replay, ...opts.requested] });
  } catch (error) {
    return { outcome: "blocked", detail: `Rehearsal could not run on the target's server: ${(error as Error).message}` };
  }
  if (!report.ok) {
    const failed = report.steps.find((s) => !s.ok);
    const replayed = failed && !requestedNames.has(failed.migration);
    return { outcome: "blocked", detail: `${replayed ? "Replaying the target's history failed" : "Rehearsal failed"} at ${report.failure}` };
  }
  const withoutDown = report.withoutDownSql.filter((n) => requestedNames.has(n));
  return {
    outcome: "passed",
    detail:
      `up → down → up on a copy of the schema (${replay.length} applied migration${replay.length === 1 ? "" : "s"} replayed): down.sql restores the schema.` +
      (withoutDown.length ? ` No down.sql, rollback not rehearsed: ${withoutDown.join(", ")}.` : ""),
  };
}
