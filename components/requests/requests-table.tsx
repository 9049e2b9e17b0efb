import Link from "next/link";
import { Table, Th, Td } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { RequestStatusBadge, RiskBadge } from "@/components/status/status-badge";
import type { listRequests } from "@/lib/server/request-queries";

type Row = Awaited<ReturnType<typeof listRequests>>["requests"][number];

export function RequestsTable({ requests, filtered }: { requests: Row[]; filtered: boolean }) {
  if (!requests.length) {
    return (
      <EmptyState title={filtered ? "No request matches these filters" : "No migration requests yet"}>
        {filtered ? "Clear the filters to see every request." : <Link href="/requests/new" className="font-medium text-indigo-600">Create the first one</Link>}
      </EmptyState>
    );
  }
  return (
    <Table>
      <thead className="bg-slate-50">
        <tr>
          <Th>#</Th>
          <Th>Title</Th>
          <Th>Project</Th>
          <Th>Requester</Th>
          <Th>Status</Th>
          <Th>Risk</Th>
          <Th>Deployed to</Th>
          <Th>Updated</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {requests.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50" data-testid={`request-row-${r.number}`}>
            <Td className="font-mono text-slate-500">{r.number}</Td>
            <Td>
              <Link href={`/requests/${r.number}`} className="font-medium text-slate-900 hover:text-indigo-600">
                {r.title}
              </Link>
              <span className="block text-xs text-slate-500">
                {r._count.migrations} migration{r._count.migrations === 1 ? "" : "s"} · {r.type}
              </span>
            </Td>
            <Td>{r.project.name}</Td>
            <Td>{r.requester.name}</Td>
            <Td>
              <RequestStatusBadge status={r.status} />
            </Td>
            <Td>
              <RiskBadge level={r.riskLevel} />
            </Td>
            <Td className="text-xs">{[...new Set(r.deployments.map((d) => d.environment.name))].join(", ") || "—"}</Td>
            <Td className="text-xs">
              <Time value={r.updatedAt} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
