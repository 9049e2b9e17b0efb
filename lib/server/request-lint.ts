import { lintMigration, loadTargetStats, type LintReport } from "@/lib/lint";
import type { MigrationFile } from "@/lib/engine";
import type { RiskLevel } from "@/lib/generated/prisma/enums";

const RISK_ORDER: RiskLevel[] = ["low", "medium", "high", "critical"];

/** The request's risk: its worst migration's. A report with no findings ("none") counts as low. */
export function worstRisk(levels: (RiskLevel | "none")[]): RiskLevel {
  return levels.reduce<RiskLevel>((worst, level) => (RISK_ORDER.indexOf(level as RiskLevel) > RISK_ORDER.indexOf(worst) ? (level as RiskLevel) : worst), "low");
}

export type MigrationLint = { name: string; report: LintReport };

/**
 * Lints each migration of a request in the context of the migrations before it
 * (so tables they created count as existing), sized by the largest target's
 * statistics when that target answers.
 */
export async function lintRequestMigrations(
  migrations: Pick<MigrationFile, "name" | "sql" | "downSql">[],
  source: MigrationFile[],
  options: { tenantKey: string; sizingUrl?: string | null },
): Promise<MigrationLint[]> {
  let targetStats: Awaited<ReturnType<typeof loadTargetStats>> | undefined;
  if (options.sizingUrl) {
    targetStats = await loadTargetStats(options.sizingUrl).catch(() => undefined);
  }
  const results: MigrationLint[] = [];
  for (const migration of migrations) {
    const previousSql = source.filter((s) => s.name.localeCompare(migration.name) < 0).map((s) => s.sql);
    const report = await lintMigration({
      name: migration.name,
      sql: migration.sql,
      downSql: migration.downSql ?? undefined,
      previousSql,
      config: { tenantKey: options.tenantKey },
      targetStats,
    });
    results.push({ name: migration.name, report });
  }
  return results;
}
