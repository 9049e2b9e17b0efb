import type { FileReport } from "../files";
import type { Finding } from "../types";

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");
}

function formatFinding(f: Finding): string {
  const where = `${f.file}:${f.line}:${f.column}`;
  const lockAndRows = [f.lock && `lock: ${f.lock}`, f.estimatedRows !== undefined && `~${f.estimatedRows.toLocaleString("en-US")} rows`].filter(Boolean).join(", ");
  const head = `${where} ${f.severity.toUpperCase()} ${f.ruleId}${lockAndRows ? ` (${lockAndRows})` : ""}${f.ignored ? ` [ignored: ${f.ignored.reason}]` : ""}`;
  return [head, indent(f.statement, "  > "), indent(f.message, "  "), "  safe way:", indent(f.safeSql, "    ")].join("\n");
}

/** Human-readable report, one block per finding, with a summary line. */
export function formatText(files: FileReport[]): string {
  const blocks: string[] = [];
  for (const { file, report } of files) {
    if (report.readError) blocks.push(`${file} UNREADABLE ${report.readError}`);
    if (report.parseError) blocks.push(`${file}:${report.parseError.line}:${report.parseError.column} PARSE ERROR ${report.parseError.message}`);
    for (const finding of report.findings) blocks.push(formatFinding(finding));
  }
  const findings = files.flatMap((f) => f.report.findings);
  const active = findings.filter((f) => !f.ignored).length;
  blocks.push(`${files.length} file(s), ${active} finding(s)${findings.length > active ? `, ${findings.length - active} ignored` : ""}`);
  return blocks.join("\n\n") + "\n";
}
