import type { FileReport } from "../files";
import type { Severity } from "../types";

/** GitHub Actions workflow commands: high and critical fail a check, the rest annotate. */
const LEVEL: Record<Severity, "error" | "warning" | "notice"> = { critical: "error", high: "error", medium: "warning", low: "notice", info: "notice" };

/** Workflow-command data must escape %, CR and LF; property values also : and ,. */
function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

export function formatGithub(files: FileReport[]): string {
  const lines: string[] = [];
  for (const { file, report } of files) {
    const { parseError, readError } = report;
    if (readError) lines.push(`::error file=${escapeProperty(file)},title=unreadable::${escapeData(readError)}`);
    if (parseError) lines.push(`::error file=${escapeProperty(file)},line=${parseError.line},col=${parseError.column},title=parse error::${escapeData(parseError.message)}`);
    for (const f of report.findings) {
      if (f.ignored) continue;
      const title = escapeProperty(`${f.ruleId} (${f.severity})`);
      lines.push(`::${LEVEL[f.severity]} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${title}::${escapeData(`${f.message}\nSafe way:\n${f.safeSql}`)}`);
    }
  }
  return lines.join("\n") + (lines.length ? "\n" : "");
}
