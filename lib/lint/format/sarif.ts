import type { FileReport } from "../files";
import { RULES } from "../rules";
import type { Severity } from "../types";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };

/** SARIF 2.1.0, the format GitHub code scanning and most CI dashboards ingest. */
export function formatSarif(files: FileReport[]): string {
  const results = files.flatMap(({ file, report }) => [
    ...(report.readError ? [{ ruleId: "unreadable", level: "error", message: { text: report.readError }, locations: [{ physicalLocation: { artifactLocation: { uri: file } } }] }] : []),
    ...(report.parseError
      ? [
          {
            ruleId: "parse-error",
            level: "error",
            message: { text: report.parseError.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: report.parseError.line, startColumn: report.parseError.column } } }],
          },
        ]
      : []),
    ...report.findings.map((f) => ({
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: `${f.message}\nSafe way:\n${f.safeSql}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: f.line, startColumn: f.column, snippet: { text: f.statement } } } }],
      properties: { severity: f.severity, ...(f.lock ? { lock: f.lock } : {}), ...(f.estimatedRows !== undefined ? { estimatedRows: f.estimatedRows } : {}) },
      ...(f.ignored ? { suppressions: [{ kind: "inSource", justification: f.ignored.reason }] } : {}),
    })),
  ]);
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "sluice-lint",
            informationUri: "https://github.com/sluice/sluice/blob/main/docs/lint-rules.md",
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.title,
              shortDescription: { text: r.title },
              fullDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { category: r.category },
            })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
