import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { Time, formatDuration } from "@/components/ui/time";
import { DeploymentStatusBadge } from "@/components/status/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { deployDurationMs, type RecentDeploy } from "@/lib/server/dashboard";

export function RecentDeploys({ deploys }: { deploys: RecentDeploy[] }) {
  if (!deploys.length) {
    return <EmptyState title="No deploys yet">Deploys started from a request appear here.</EmptyState>;
  }
  return (
    <Table>
      <thead className="bg-slate-50">
        <tr>
          <Th>Request</Th>
          <Th>Environment</Th>
          <Th>Result</Th>
          <Th>Started by</Th>
          <Th>When</Th>
          <Th className="text-right">Duration</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {deploys.map((d) => (
          <tr key={d.id} className="hover:bg-slate-50">
            <Td className="max-w-[28rem]">
              <Link href={`/history/${d.id}`} className="group block truncate">
                <span className="font-mono text-slate-500">#{d.requestNumber}</span>{" "}
                <span className="font-medium text-slate-900 group-hover:text-indigo-600">{d.requestTitle}</span>
              </Link>
            </Td>
            <Td className="whitespace-nowrap">
              <span className="text-slate-500">{d.projectName} / </span>
              <span className="font-medium text-slate-900">{d.environmentName}</span>
            </Td>
            <Td>
              <DeploymentStatusBadge status={d.status} />
            </Td>
            <Td className="whitespace-nowrap">{d.startedBy}</Td>
            <Td>
              <Time value={d.startedAt ?? d.createdAt} />
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatDuration(deployDurationMs(d))}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
