import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { ScheduledDeploy } from "@/lib/server/deployments";
import { BreakGlassFlag } from "./break-glass-flag";
import { CancelScheduledButton } from "./cancel-scheduled-button";

export function ScheduledDeploysTable({ scheduled }: { scheduled: ScheduledDeploy[] }) {
  return (
    <Table>
      <thead className="bg-slate-50">
        <tr>
          <Th>Runs at</Th>
          <Th>Where</Th>
          <Th>Request</Th>
          <Th>Scheduled by</Th>
          <Th className="text-right">Cancel</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {scheduled.map((d) => (
          <tr key={d.id} data-testid="scheduled-deploy-row">
            <Td className="whitespace-nowrap">
              <span className="font-medium">{d.runAtLocal}</span> <span className="text-xs text-slate-500">{d.timeZone}</span>
              <span className="block text-xs text-slate-500">
                <Time value={d.runAt} />
              </span>
            </Td>
            <Td className="whitespace-nowrap">
              <span className="text-slate-500">{d.project} / </span>
              <span className="font-medium text-slate-900">{d.environment}</span>
            </Td>
            <Td className="max-w-md">
              <Link href={`/requests/${d.request.number}`} className="block truncate text-slate-900 hover:text-indigo-600">
                <span className="font-mono text-slate-500">#{d.request.number}</span> {d.request.title}
              </Link>
              <BreakGlassFlag reason={d.breakGlassReason} />
            </Td>
            <Td className="whitespace-nowrap">{d.scheduledBy}</Td>
            <Td className="text-right">{d.mayCancel ? <CancelScheduledButton deploymentId={d.id} label={`#${d.request.number} to ${d.environment}`} /> : <span className="text-xs text-slate-400">—</span>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
