import Link from "next/link";
import { Time } from "@/components/ui/time";
import { DeploymentStatusBadge } from "@/components/status/status-badge";
import type { EnvironmentSummary } from "@/lib/server/dashboard";
import { FAILED_DEPLOY_WINDOW_DAYS } from "@/lib/server/dashboard";

export function EnvironmentSummaryList({ environments }: { environments: EnvironmentSummary[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {environments.map((e) => (
        <li key={e.id} className="py-3 first:pt-0 last:pb-0">
          <div className="flex items-center justify-between gap-3">
            <div className="min-w-0">
              <p className="truncate text-sm font-medium text-slate-900">
                <span className="text-slate-500">{e.projectName} / </span>
                {e.name}
              </p>
              <p className="text-xs text-slate-500">
                {e.deploysLast7Days} deploy{e.deploysLast7Days === 1 ? "" : "s"} in {FAILED_DEPLOY_WINDOW_DAYS} days
                {e.failedLast7Days > 0 && <span className="text-red-700">, {e.failedLast7Days} failed</span>}
              </p>
            </div>
            {e.lastDeploy ? (
              <Link href={`/history/${e.lastDeploy.id}`} className="shrink-0 text-right text-xs text-slate-500 hover:text-indigo-600">
                <DeploymentStatusBadge status={e.lastDeploy.status} />
                <span className="mt-1 block">
                  #{e.lastDeploy.requestNumber} · <Time value={e.lastDeploy.finishedAt ?? e.lastDeploy.createdAt} />
                </span>
              </Link>
            ) : (
              <span className="text-xs text-slate-400">Never deployed</span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
