import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { deploymentDetail } from "@/lib/server/history";
import { deployDurationMs } from "@/lib/server/dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { DeploymentStatusBadge } from "@/components/status/status-badge";
import { DeploymentDetailView } from "@/components/history/deployment-detail";
import { deploymentControls } from "@/lib/server/deployments";
import { LiveDeployment } from "@/components/deploys/live-deployment";
import { BreakGlassFlag } from "@/components/deploys/break-glass-flag";
import { RestoreBackup } from "@/components/deploys/restore-backup";

export const metadata: Metadata = { title: "Deployment" };

export default async function DeploymentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  let deployment, controls;
  try {
    [deployment, controls] = await Promise.all([deploymentDetail(user, id), deploymentControls(user, id)]);
  } catch (error) {
    // Not a member: answer as if it did not exist, so ids of other projects' deploys leak nothing.
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  return (
    <>
      <nav className="mb-2 text-sm text-slate-500">
        <Link href="/history" className="hover:text-slate-900">
          ← Deploy history
        </Link>
      </nav>
      <PageHeader
        title={`Deploy of #${deployment.request.number} to ${deployment.environment}`}
        description={
          <span className="flex items-center gap-2">
            <DeploymentStatusBadge status={deployment.status} />
            <BreakGlassFlag reason={controls.breakGlassReason} />
            <span>
              {deployment.project} · {deployment.request.title}
            </span>
          </span>
        }
      />
      {controls.breakGlassReason && (
        <div className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3" aria-label="Break-glass">
          <BreakGlassFlag reason={controls.breakGlassReason} withReason />
        </div>
      )}
      {controls.active && (
        <div className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
          <LiveDeployment deploymentId={id} />
        </div>
      )}
      {controls.backup && (
        <div className="mb-6">
          <RestoreBackup deploymentId={id} environment={deployment.environment} backup={controls.backup} mayRestore={controls.mayRestore} active={controls.active} />
        </div>
      )}
      <DeploymentDetailView deployment={deployment} durationMs={deployDurationMs(deployment)} />
    </>
  );
}
