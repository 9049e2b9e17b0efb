import type { FileReport } from "../files";
import { formatGithub } from "./github";
import { formatSarif } from "./sarif";
import { formatText } from "./text";

export const OUTPUT_FORMATS = ["text", "json", "sarif", "github"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatReports(files: FileReport[], format: OutputFormat): string {
  switch (format) {
    case "text":
      return formatText(files);
    case "json":
      // Compact, as machine output: a large run's report is megabytes, and jq or an editor can indent it.
      return JSON.stringify({ files }) + "\n";
    case "sarif":
      return formatSarif(files);
    case "github":
      return formatGithub(files);
  }
}
