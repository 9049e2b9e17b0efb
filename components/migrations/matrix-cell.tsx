import { Badge } from "@/components/ui/badge";
import { MIGRATION_STATE_BADGE } from "@/components/status/labels";
import type { MatrixCell as Cell } from "@/lib/server/matrix";

function iso(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—";
}

/** Why the cell is in its state, for the hover title: the times that decided it. */
function explain(cell: Cell): string {
  switch (cell.state) {
    case "applied":
      return `Applied, finished ${iso(cell.finishedAt)}`;
    case "modified":
      return `Applied ${iso(cell.finishedAt)}, but migration.sql has changed since: the checksum no longer matches`;
    case "failed":
      return `Started ${iso(cell.startedAt)} and never finished: resolve it before deploying again`;
    case "rolled_back":
      return `Rolled back ${iso(cell.rolledBackAt)}; deploy would apply it again`;
    case "unknown":
      return `Applied here ${iso(cell.finishedAt)} but missing from the migrations folder (drift)`;
    case "pending":
      return "Not applied here yet";
  }
}

export function MatrixCell({ cell }: { cell: Cell | null }) {
  if (!cell) return <span className="text-slate-300" title="No record of this migration here">—</span>;
  const style = MIGRATION_STATE_BADGE[cell.state];
  const badge = (
    <Badge tone={style.tone}>
      {style.label}
    </Badge>
  );
  return (
    <div className="flex flex-col items-start gap-1" data-state={cell.state} title={explain(cell)}>
      {badge}
      {(cell.state === "applied" || cell.state === "modified" || cell.state === "unknown") && cell.finishedAt && (
        <span className="text-[11px] tabular-nums text-slate-500">{iso(cell.finishedAt).slice(0, 16)}</span>
      )}
      {cell.state === "rolled_back" && <span className="text-[11px] tabular-nums text-slate-500">{iso(cell.rolledBackAt).slice(0, 16)}</span>}
      {cell.state === "failed" && cell.logsExcerpt && (
        <details className="w-full max-w-xs text-xs">
          <summary className="cursor-pointer text-red-700 hover:text-red-600">Failure log</summary>
          <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-900 p-2 font-mono text-[11px] leading-snug text-slate-100">
            {cell.logsExcerpt}
          </pre>
        </details>
      )}
      {cell.attempts > 1 && <span className="text-[11px] text-slate-400">{cell.attempts} attempts</span>}
    </div>
  );
}
