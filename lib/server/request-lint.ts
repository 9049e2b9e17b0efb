import { lintMigration, loadTargetStats, type LintReport } from "@/lib/lint";
import type { MigrationFile } from "@/lib/engine";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import { lintHashOf } from "@/lib/workflow/lint-hash";
import { environmentUrl, sourceMigrations, type SourcedProject } from "./projects";

const RISK_ORDER: RiskLevel[] = ["low", "medium", "high", "critical"];

/** The request's risk: its worst migration's. A report with no findings ("none") counts as low. */
export function worstRisk(levels: (RiskLevel | "none")[]): RiskLevel {
  return levels.reduce<RiskLevel>((worst, level) => (RISK_ORDER.indexOf(level as RiskLevel) > RISK_ORDER.indexOf(worst) ? (level as RiskLevel) : worst), "low");
}

export type MigrationLint = { name: string; report: LintReport };

export type ReviewLint = { lint: MigrationLint[]; riskLevel: ReturnType<typeof worstRisk>; hash: string | null };

type LintedProject = { tenantKey: string; environments: { id: string; databaseUrlEncrypted: string; sslRootCertEncrypted: string | null }[] };

/**
 * The lint report reviewers see: each migration in the context of the source's migrations
 * before it, sized by the largest target's statistics. `source` is the request's own snapshot
 * when it has one; without it, the project's current source. `hash` binds approvals to it; it is
 * null when the statistics could not be read, because an unsized report differs from the
 * real one and must neither invalidate approvals nor be approved.
 */
export async function lintForReview(project: LintedProject, migrations: Pick<MigrationFile, "name" | "sql" | "downSql">[], source: MigrationFile[]): Promise<ReviewLint>;
export async function lintForReview(project: LintedProject & SourcedProject, migrations: Pick<MigrationFile, "name" | "sql" | "downSql">[], source?: MigrationFile[]): Promise<ReviewLint>;
export async function lintForReview(
  project: LintedProject & Partial<SourcedProject>,
  migrations: Pick<MigrationFile, "name" | "sql" | "downSql">[],
  source?: MigrationFile[],
): Promise<ReviewLint> {
  const folder = source ?? (await sourceMigrations(project as SourcedProject));
  const largest = project.environments.at(-1);
  let targetStats: Awaited<ReturnType<typeof loadTargetStats>> | undefined;
  let sized = !largest;
  if (largest) {
    targetStats = await loadTargetStats(environmentUrl(largest)).catch(() => undefined);
    sized = targetStats !== undefined;
  }
  const lint: MigrationLint[] = [];
  for (const migration of migrations) {
    const previousSql = folder.filter((s) => s.name.localeCompare(migration.name) < 0).map((s) => s.sql);
    const report = await lintMigration({ name: migration.name, sql: migration.sql, downSql: migration.downSql ?? undefined, previousSql, config: { tenantKey: project.tenantKey }, targetStats });
    lint.push({ name: migration.name, report });
  }
  return { lint, riskLevel: worstRisk(lint.map((l) => l.report.riskLevel)), hash: sized ? lintHashOf(lint) : null };
}
