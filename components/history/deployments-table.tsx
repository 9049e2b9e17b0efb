import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { Time, formatDuration } from "@/components/ui/time";
import { DeploymentStatusBadge } from "@/components/status/status-badge";
import { deployDurationMs } from "@/lib/server/dashboard";
import { firstLine, type HistoryEntry } from "@/lib/server/history";
import { BreakGlassFlag } from "@/components/deploys/break-glass-flag";

/** `breakGlass`: the written reason of each break-glass deploy, flagged red in its row. */
export function DeploymentsTable({ entries, breakGlass = {} }: { entries: HistoryEntry[]; breakGlass?: Record<string, string> }) {
  return (
    <Table>
      <thead className="bg-slate-50">
        <tr>
          <Th>When</Th>
          <Th>Where</Th>
          <Th>Request</Th>
          <Th>Result</Th>
          <Th>Started by</Th>
          <Th className="text-right">Duration</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {entries.map((d) => {
          const error = firstLine(d.error);
          return (
            <tr key={d.id} className="hover:bg-slate-50" data-testid="deployment-row">
              <Td>
                <Link href={`/history/${d.id}`} className="font-medium text-indigo-600 hover:text-indigo-500">
                  <Time value={d.startedAt ?? d.createdAt} />
                </Link>
              </Td>
              <Td className="whitespace-nowrap">
                <span className="text-slate-500">{d.project} / </span>
                <span className="font-medium text-slate-900">{d.environment}</span>
              </Td>
              <Td className="max-w-md">
                <Link href={`/requests/${d.request.number}`} className="group block truncate" title={d.request.title}>
                  <span className="font-mono text-slate-500">#{d.request.number}</span>{" "}
                  <span className="text-slate-900 group-hover:text-indigo-600">{d.request.title}</span>
                </Link>
                {error && (
                  <p className="mt-1 truncate font-mono text-xs text-red-700" title={error}>
                    {error}
                  </p>
                )}
              </Td>
              <Td>
                <span className="flex flex-wrap items-center gap-1">
                  <DeploymentStatusBadge status={d.status} />
                  <BreakGlassFlag reason={breakGlass[d.id]} />
                </span>
              </Td>
              <Td className="whitespace-nowrap">
                <span title={d.startedBy.email}>{d.startedBy.name}</span>
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">{formatDuration(deployDurationMs(d))}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
