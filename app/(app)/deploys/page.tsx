import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { scheduledDeployments } from "@/lib/server/deployments";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ScheduledDeploysTable } from "@/components/deploys/scheduled-deploys-table";

export const metadata: Metadata = { title: "Scheduled deploys" };

export default async function ScheduledDeploysPage() {
  const user = await requireUser();
  const scheduled = await scheduledDeployments(user);
  return (
    <>
      <PageHeader title="Scheduled deploys" description="Deploys waiting for their time, soonest first. The policy is checked again when each one runs." />
      {scheduled.length === 0 ? (
        <EmptyState title="No deploy is scheduled">Schedule one from a request&apos;s deploy panel.</EmptyState>
      ) : (
        <ScheduledDeploysTable scheduled={scheduled} />
      )}
    </>
  );
}
