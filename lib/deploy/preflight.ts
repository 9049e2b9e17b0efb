import { migrationStatus, type MigrationFile, type StatusReport } from "@/lib/engine";

export type TargetCheck = { ok: true; status: StatusReport } | { ok: false; problem: string };

/**
 * Reads the target's `_prisma_migrations` and says whether this request may be applied there
 * now: reachable, no failed migration (Prisma's P3009), and no earlier migration of the
 * project's folder still pending (applying only the request's would leave an order no folder
 * describes).
 */
export async function checkTarget(url: string, environmentName: string, requested: MigrationFile[], source: MigrationFile[]): Promise<TargetCheck> {
  const earlier = earlierFolderMigrations(requested, source);
  let status: StatusReport;
  try {
    status = await migrationStatus({ url, migrations: [...earlier, ...requested], applicationName: "sluice-preflight" });
  } catch (error) {
    return { ok: false, problem: `Cannot reach ${environmentName} or read its migration history: ${error instanceof Error ? error.message : String(error)}` };
  }
  const problem = targetProblem(status, environmentName, earlier);
  return problem ? { ok: false, problem } : { ok: true, status };
}

/** The project's folder migrations that sort before the request's first and are not part of it. */
export function earlierFolderMigrations(requested: MigrationFile[], source: MigrationFile[]): MigrationFile[] {
  const first = requested[0]?.name;
  return source.filter((s) => first && s.name.localeCompare(first) < 0 && !requested.some((m) => m.name === s.name));
}

/** What in the target's recorded state refuses this request now, in words; null when nothing does. */
export function targetProblem(status: StatusReport, environmentName: string, earlier: MigrationFile[]): string | null {
  if (status.failed.length) {
    return `${environmentName} has a failed migration (${status.failed.join(", ")}); resolve it before deploying (Prisma's P3009: sluice migrate resolve --rolled-back or --applied).`;
  }
  const pendingEarlier = status.pending.filter((name) => earlier.some((e) => e.name === name));
  if (pendingEarlier.length) return `${environmentName} has earlier migrations not applied yet: ${pendingEarlier.join(", ")}. Deploy those first.`;
  return null;
}

/** One line per migration of the request: how the target records it right now. */
export function describeTargetState(status: StatusReport, names: string[]): string[] {
  const lines = names.map((name) => {
    const entry = status.migrations.find((m) => m.name === name);
    return `  ${name}: ${entry ? entry.state.replace("_", " ") : "unknown"}`;
  });
  for (const holder of status.deployInProgress) {
    lines.push(`  session ${holder.pid} (${holder.applicationName || "no application name"}, ${holder.state ?? "unknown state"}) still holds the migration lock on the target: a statement may still be running there`);
  }
  return lines;
}
