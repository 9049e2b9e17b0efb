"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { stopDeploymentAction } from "@/lib/actions/stop-deployment";
import { BreakGlassFlag } from "./break-glass-flag";
import { Button } from "@/components/ui/button";
import { deploymentKeys, fetchDeploymentProgress } from "./deployment-queries";
import type { DeploymentProgress as Progress } from "@/lib/server/deployments";

const STEP_ICON = { running: "⏳", succeeded: "✓", failed: "✗", skipped: "–" } as const satisfies Record<Progress["steps"][number]["status"], string>;
const STATUS_TEXT = {
  queued: "Queued: waiting for a worker",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  rolled_back: "Rolled back",
  cancelled: "Cancelled",
} as const satisfies Record<Progress["status"], string>;

function seconds(ms: number | null): string {
  return ms === null ? "" : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A deployment followed live: status, steps with timings, the statement running on the target
 * and what it waits for, the log. Polls while the deploy is queued or running; reading from the
 * database, it survives reloads and shows the same thing in every browser.
 * `onFinished` fires once, when the deploy is (or already was) over.
 */
export function DeploymentProgress({ deploymentId, onFinished, showLog = true }: { deploymentId: string; onFinished?: (p: Progress) => void; showLog?: boolean }) {
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    queryKey: deploymentKeys.progress(deploymentId),
    queryFn: () => fetchDeploymentProgress(deploymentId),
    refetchInterval: (query) => (query.state.data && !query.state.data.active ? false : 1000),
    staleTime: 0,
  });
  // Once per mount, also when the deploy was already over by the first poll (a fast one).
  const reported = useRef(false);
  useEffect(() => {
    if (!data || data.active || reported.current) return;
    reported.current = true;
    onFinished?.(data);
  }, [data, onFinished]);

  if (error) return <p className="text-sm text-red-700">Cannot load the deployment&apos;s progress: {error.message}</p>;
  if (!data) return <p className="text-sm text-slate-600" role="status">Loading the deployment…</p>;

  return (
    <div className="space-y-3 text-sm" data-testid="deployment-progress" data-status={data.status}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          {STATUS_TEXT[data.status]} · <span className="font-mono">{data.environment}</span>
          {data.elapsedMs !== null && <span className="ml-2 text-slate-500">{seconds(data.elapsedMs)}</span>}
        </p>
        {data.mayStop && <StopButton deploymentId={data.id} stopping={!!data.stopRequestedAt} onDone={() => queryClient.invalidateQueries({ queryKey: deploymentKeys.progress(data.id) })} />}
      </div>
      {data.breakGlassReason && (
        <p className="rounded bg-red-100 px-2 py-1 text-red-800" data-testid="break-glass">
          <BreakGlassFlag reason={data.breakGlassReason} /> Policy bypassed: {data.breakGlassReason}
        </p>
      )}
      {data.runAt && data.status === "queued" && <p className="text-slate-600">Scheduled for {new Date(data.runAt).toLocaleString()}</p>}
      {data.stopRequestedAt && data.active && <p className="text-amber-700">Stop requested: cancelling the running statement and rolling back…</p>}
      <ol className="space-y-1" aria-label="Deployment steps">
        {data.steps.map((s) => (
          <li key={s.id} className="flex items-start gap-2" data-testid="deployment-step" data-kind={s.kind} data-status={s.status}>
            <span aria-hidden className="w-4">{STEP_ICON[s.status]}</span>
            <span className="flex-1">
              {s.name} <span className="text-xs text-slate-500">{seconds(s.durationMs)}</span>
              {s.detail && <span className="block whitespace-pre-wrap text-xs text-slate-600">{s.detail}</span>}
            </span>
          </li>
        ))}
      </ol>
      {data.currentStatement && (
        <div className="rounded bg-slate-100 p-2 text-xs">
          <p className="font-medium">
            Running on {data.environment}{data.currentMigration ? ` (${data.currentMigration})` : ""} for {seconds(data.currentStatement.runningMs)}
            {data.currentStatement.waitingOn && <span className="ml-2 text-amber-700">waiting on {data.currentStatement.waitingOn}</span>}
          </p>
          <pre className="mt-1 max-h-24 overflow-auto whitespace-pre-wrap font-mono">{data.currentStatement.query}</pre>
        </div>
      )}
      {!data.active && (data.applied.length > 0 || data.rolledBack.length > 0 || data.notRun.length > 0) && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
          <dt className="text-slate-500">Applied</dt><dd className="font-mono">{data.applied.join(", ") || "—"}</dd>
          <dt className="text-slate-500">Rolled back</dt><dd className="font-mono">{data.rolledBack.join(", ") || "—"}</dd>
          <dt className="text-slate-500">Not run</dt><dd className="font-mono">{data.notRun.join(", ") || "—"}</dd>
        </dl>
      )}
      {showLog && data.log.length > 0 && (
        <details open={data.active}>
          <summary className="cursor-pointer text-xs font-medium text-slate-700">Log ({data.log.length} lines{data.logTruncated ? ", latest shown" : ""})</summary>
          <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-slate-900 p-2 font-mono text-xs text-slate-100" data-testid="deployment-log">{data.log.join("\n")}</pre>
        </details>
      )}
      <Link href={`/history/${data.id}`} className="inline-block text-xs font-medium text-indigo-600 underline">Open the deployment log</Link>
    </div>
  );
}

function StopButton({ deploymentId, stopping, onDone }: { deploymentId: string; stopping: boolean; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (stopping) return <span className="text-xs text-amber-700">Stopping…</span>;
  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Emergency stop
      </Button>
    );
  }
  return (
    <div role="dialog" aria-modal="true" aria-label="Confirm emergency stop" className="rounded-md border border-red-300 bg-red-50 p-2 text-xs">
      <p>Cancel the running statement and roll back what this deploy applied?</p>
      <div className="mt-2 flex gap-2">
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await stopDeploymentAction({ deploymentId });
              setMessage(result.ok ? null : result.message);
              setConfirming(false);
              onDone();
            })
          }
        >
          Yes, stop the deploy
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          Keep running
        </Button>
      </div>
      {message && <p className="mt-1 text-red-700">{message}</p>}
    </div>
  );
}
