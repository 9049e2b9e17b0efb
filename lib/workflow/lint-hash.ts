import { createHash } from "node:crypto";
import type { Severity } from "@/lib/lint/types";

export type HashedFinding = { ruleId: string; line: number; severity: Severity; ignored?: unknown };
export type HashedReport = { name: string; report: { findings: HashedFinding[] } };

/**
 * A stable fingerprint of what the linter said about a request: per migration, each finding's
 * rule id, line and severity, in a canonical order. Messages and wording may change between
 * releases without invalidating approvals; a new finding, a finding on another line or a
 * severity that rose (a table grew) changes the hash. Silenced findings do not count.
 */
export function lintHashOf(reports: HashedReport[]): string {
  const lines = reports
    .flatMap(({ name, report }) => report.findings.filter((f) => !f.ignored).map((f) => `${name}\t${f.ruleId}\t${f.line}\t${f.severity}`))
    .sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}
