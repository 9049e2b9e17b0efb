import type { Finding } from "@/lib/lint";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const SEVERITY_TONE = {
  info: "gray",
  low: "blue",
  medium: "yellow",
  high: "orange",
  critical: "red",
} as const satisfies Record<Finding["severity"], BadgeTone>;

function FindingCallout({ finding }: { finding: Finding }) {
  return (
    <div className={`my-1 rounded-md border px-3 py-2 font-sans text-xs ${finding.ignored ? "border-slate-200 bg-slate-50" : "border-amber-200 bg-amber-50"}`} data-testid="lint-finding">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={SEVERITY_TONE[finding.severity]}>{finding.severity}</Badge>
        <span className="font-mono font-semibold">{finding.ruleId}</span>
        {finding.lock && <span className="text-slate-600">takes {finding.lock}</span>}
        {finding.estimatedRows != null && <span className="text-slate-600">≈ {finding.estimatedRows.toLocaleString("en-US")} rows</span>}
        {finding.ignored && <span className="text-slate-600">ignored: {finding.ignored.reason}</span>}
      </div>
      <p className="mt-1 text-slate-800">{finding.message}</p>
      {finding.safeSql && (
        <details className="mt-1">
          <summary className="cursor-pointer font-medium text-indigo-700">Safer way</summary>
          <pre className="mt-1 overflow-x-auto rounded bg-white p-2 font-mono text-[11px] text-slate-800">{finding.safeSql}</pre>
        </details>
      )}
    </div>
  );
}

/** SQL with line numbers and each lint finding shown right under the line it concerns. */
export function MigrationSql({ sql, findings }: { sql: string; findings: Finding[] }) {
  const lines = sql.split("\n");
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  return (
    <div className="overflow-x-auto rounded-md bg-slate-950 py-2 text-xs text-slate-100">
      <table className="w-full border-collapse font-mono">
        <tbody>
          {lines.map((text, i) => (
            <tr key={i} className="align-top">
              <td className="w-10 select-none pr-3 text-right text-slate-500">{i + 1}</td>
              <td className="pr-4">
                <pre className="whitespace-pre-wrap break-words">{text || " "}</pre>
                {byLine.get(i + 1)?.map((f, j) => (
                  <div key={j} className="text-slate-900">
                    <FindingCallout finding={f} />
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
