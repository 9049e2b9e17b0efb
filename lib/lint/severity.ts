import type { LintConfig } from "./config";
import { SEVERITIES, type Finding, type LintReport, type RiskLevel, type Severity } from "./types";

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/**
 * The same ALTER is harmless on an empty table and an outage on a large one: below
 * `small` rows it is info, from `large` at least high, from `huge` critical.
 */
export function sizeSeverity(base: Severity, rows: number, thresholds: LintConfig["rowThresholds"]): Severity {
  if (rows >= thresholds.huge) return "critical";
  if (rows >= thresholds.large) return maxSeverity(base, "high");
  if (rows < thresholds.small) return "info";
  return base;
}

/** A request's risk is its worst finding that nobody silenced, at least low; unparseable SQL is critical. */
export function riskLevelOf(report: Pick<LintReport, "findings"> & { parseError?: unknown }): RiskLevel {
  if (report.parseError) return "critical";
  let worst: RiskLevel = "low";
  for (const finding of report.findings) {
    if (finding.ignored || finding.severity === "info") continue;
    if (severityRank(finding.severity) > severityRank(worst)) worst = finding.severity;
  }
  return worst;
}

export function findingsAtOrAbove(findings: Finding[], threshold: Severity): Finding[] {
  return findings.filter((f) => !f.ignored && severityRank(f.severity) >= severityRank(threshold));
}
