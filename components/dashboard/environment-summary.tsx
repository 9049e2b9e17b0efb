import Link from "next/link";
import { Time } from "@/components/ui/time";
import { DeploymentStatusBadge } from "@/components/status/status-badge";
import type { EnvironmentSummary } from "@/lib/server/dashboard";
import { FAILED_DEPLOY_WINDOW_DAYS } from "@/lib/server/dashboard";

export function EnvironmentSummaryList({ environments }: { environments: EnvironmentSummary[] }) {
  return (
    <ul className="grid grid-cols-1 gap-4 md:grid-cols-3">
      {environments.map((e) => (
        <li key={e.id} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200" data-testid={`env-summary-${e.name}`}>
          <div className="flex items-center justify-between gap-3">
            <p className="truncate text-sm font-semibold text-slate-900">
              <span className="font-normal text-slate-500">{e.projectName} / </span>
              {e.name}
            </p>
            {e.lastDeploy ? <DeploymentStatusBadge status={e.lastDeploy.status} /> : <span className="text-xs text-slate-400">Never deployed</span>}
          </div>
          <div className="mt-2 flex items-center justify-between gap-3 text-xs text-slate-500">
            <span>
              {e.deploysLast7Days} deploy{e.deploysLast7Days === 1 ? "" : "s"} in {FAILED_DEPLOY_WINDOW_DAYS} days
              {e.failedLast7Days > 0 && <span className="font-medium text-red-700"> · {e.failedLast7Days} failed</span>}
            </span>
            {e.lastDeploy && (
              <Link href={`/history/${e.lastDeploy.id}`} className="whitespace-nowrap hover:text-indigo-600">
                Last: #{e.lastDeploy.requestNumber} · <Time value={e.lastDeploy.finishedAt ?? e.lastDeploy.createdAt} />
              </Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
