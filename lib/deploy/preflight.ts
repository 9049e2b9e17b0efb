import { migrationStatus, type MigrationFile, type StatusReport } from "@/lib/engine";

export type TargetCheck = { ok: true; status: StatusReport } | { ok: false; problem: string };

/**
 * Reads the target's `_prisma_migrations` and says whether this request may be applied there
 * now: reachable, no failed migration (Prisma's P3009), and no earlier migration of the
 * project's folder still pending (applying only the request's would leave an order no folder
 * describes).
 */
export async function checkTarget(url: string, environmentName: string, requested: MigrationFile[], source: MigrationFile[]): Promise<TargetCheck> {
  const first = requested[0]?.name;
  const earlier = source.filter((s) => first && s.name.localeCompare(first) < 0 && !requested.some((m) => m.name === s.name));
  let status: StatusReport;
  try {
    status = await migrationStatus({ url, migrations: [...earlier, ...requested], applicationName: "sluice-preflight" });
  } catch (error) {
    return { ok: false, problem: `Cannot reach ${environmentName} or read its migration history: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (status.failed.length) {
    return { ok: false, problem: `${environmentName} has a failed migration (${status.failed.join(", ")}); resolve it before deploying (Prisma's P3009).` };
  }
  const pendingEarlier = status.pending.filter((name) => earlier.some((e) => e.name === name));
  if (pendingEarlier.length) {
    return { ok: false, problem: `${environmentName} has earlier migrations not applied yet: ${pendingEarlier.join(", ")}. Deploy those first.` };
  }
  return { ok: true, status };
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
