"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { deployRequestAction } from "@/lib/actions/deploy-request";
import { Button } from "@/components/ui/button";
import { DeploymentProgress } from "@/components/deploys/deployment-progress";
import { BreakGlassDialog, ScheduleDialog } from "@/components/deploys/deploy-dialogs";
import { deploymentKeys, fetchDeployOptions } from "@/components/deploys/deployment-queries";
import type { EnvironmentReadiness } from "@/lib/server/deploy-policy";
import type { DeploymentProgress as Progress } from "@/lib/server/deployments";

type Outcome = { environment: string; ok: boolean; message: string; deploymentId?: string };

function outcomeOf(p: Progress): Outcome {
  if (p.status === "succeeded") return { environment: p.environment, ok: true, message: `Deployed to ${p.environment}.`, deploymentId: p.id };
  return { environment: p.environment, ok: false, message: p.error ?? `The deploy ${p.status.replace("_", " ")}.`, deploymentId: p.id };
}

export function DeployPanel({ requestId, readiness, migrations }: { requestId: string; readiness: EnvironmentReadiness[]; migrations: string[] }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<EnvironmentReadiness | null>(null);
  const [dialog, setDialog] = useState<{ kind: "break-glass" | "schedule"; environmentId: string } | null>(null);
  const queryClient = useQueryClient();
  const { data: options } = useQuery({ queryKey: deploymentKeys.options(requestId), queryFn: () => fetchDeployOptions(requestId) });
  const optionOf = (environmentId: string) => options?.find((o) => o.environmentId === environmentId);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Deploys followed until they report their end: started here, or seen active in readiness. Once
  // seen, a deploy stays followed even when a refreshed readiness (a revalidating stop) no longer
  // lists it, so its outcome is always shown.
  const activeIds = readiness.flatMap((r) => (r.activeDeploymentId ? [r.activeDeploymentId] : []));
  const [followed, setFollowed] = useState<string[]>(activeIds);
  const [seen, setSeen] = useState<string[]>(activeIds);
  const newlyActive = activeIds.filter((id) => !seen.includes(id));
  if (newlyActive.length) {
    setSeen([...seen, ...newlyActive]);
    setFollowed([...followed, ...newlyActive]);
  }
  const [pending, startTransition] = useTransition();
  const watching = [...new Set(followed)];

  const finished = useCallback(
    (p: Progress) => {
      setOutcome(outcomeOf(p));
      setFollowed((ids) => ids.filter((id) => id !== p.id));
      router.refresh();
    },
    [router],
  );

  function deploy(env: { environmentId: string; name: string }, extra: { breakGlassReason?: string; runAt?: string } = {}) {
    setConfirming(null);
    setDialog(null);
    setOutcome(null);
    startTransition(async () => {
      const result = await deployRequestAction({ requestId, environmentId: env.environmentId, ...extra });
      if (!result.ok) setOutcome({ environment: env.name, ok: false, message: result.message });
      else {
        const id = result.data.deploymentId;
        setSeen((ids) => [...ids, id]);
        setFollowed((ids) => (ids.includes(id) ? ids : [...ids, id]));
      }
      await queryClient.invalidateQueries({ queryKey: deploymentKeys.options(requestId) });
      router.refresh();
    });
  }
  const dialogEnv = dialog ? optionOf(dialog.environmentId) : undefined;

  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100">
        {readiness.map((env) => (
          <li key={env.environmentId} className="flex items-start justify-between gap-4 py-2" data-testid={`deploy-row-${env.name}`}>
            <div>
              <p className="font-mono text-sm font-semibold">{env.name}</p>
              <p className="text-xs text-slate-600">{env.activeDeploymentId ? "deploy in progress" : env.missing.length ? env.missing.join("; ") : "ready to deploy"}</p>
            </div>
            <div className="flex shrink-0 flex-wrap justify-end gap-2">
              {optionOf(env.environmentId)?.maySchedule && (
                <Button className="whitespace-nowrap" variant="secondary" disabled={pending} onClick={() => setDialog({ kind: "schedule", environmentId: env.environmentId })}>
                  Schedule…
                </Button>
              )}
              {!env.mayDeploy && optionOf(env.environmentId)?.mayBreakGlass && (
                <Button className="whitespace-nowrap" variant="danger" disabled={pending} onClick={() => setDialog({ kind: "break-glass", environmentId: env.environmentId })}>
                  Break glass
                </Button>
              )}
              <Button
                className="whitespace-nowrap"
                variant={env.name === "prod" ? "danger" : "primary"}
                disabled={pending || !env.mayDeploy}
                title={env.mayDeploy ? `Deploy to ${env.name}` : env.missing.join("; ") || "Your role may not deploy here"}
                onClick={() => setConfirming(env)}
              >
                Deploy to {env.name}
              </Button>
            </div>
          </li>
        ))}
      </ul>

      {confirming && (
        <div role="dialog" aria-modal="true" aria-labelledby="confirm-deploy-title" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <h3 id="confirm-deploy-title" className="text-sm font-semibold">Deploy to {confirming.name}?</h3>
          <p className="mt-1 text-sm text-slate-700">
            Runs {migrations.map((m) => <code key={m} className="mr-1 font-mono">{m}</code>)} on the {confirming.name} database with a 2 s lock timeout.
          </p>
          <div className="mt-3 flex gap-2">
            <Button variant={confirming.name === "prod" ? "danger" : "primary"} onClick={() => deploy(confirming)} autoFocus>
              Yes, deploy to {confirming.name}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
        </div>
      )}

      {dialog?.kind === "break-glass" && dialogEnv && (
        <BreakGlassDialog environment={dialogEnv} migrations={migrations} onCancel={() => setDialog(null)} onConfirm={(reason) => deploy(dialogEnv, { breakGlassReason: reason })} />
      )}
      {dialog?.kind === "schedule" && dialogEnv && (
        <ScheduleDialog environment={dialogEnv} onCancel={() => setDialog(null)} onConfirm={(runAt) => deploy(dialogEnv, { runAt })} />
      )}

      {pending && <p className="text-sm text-slate-600" role="status">Queueing the deploy…</p>}
      {watching.map((id) => (
        <div key={id} className="rounded-md border border-slate-200 p-3">
          <DeploymentProgress deploymentId={id} onFinished={finished} showLog={false} />
        </div>
      ))}
      {outcome && (
        <div className={`rounded-md px-4 py-3 text-sm ${outcome.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`} data-testid="deploy-outcome">
          <pre className="whitespace-pre-wrap font-sans">{outcome.message}</pre>
          {outcome.deploymentId && (
            <Link href={`/history/${outcome.deploymentId}`} className="mt-1 inline-block font-medium underline">
              Open the deployment log
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
