import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { environmentsHealth } from "@/lib/server/health";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { HealthBoard } from "@/components/health/health-board";

export const metadata: Metadata = { title: "Health" };
export const dynamic = "force-dynamic";

export default async function HealthPage() {
  const user = await requireUser();
  const environments = await environmentsHealth(user);
  return (
    <>
      <PageHeader title="Database health" description="Connections, sizes, long transactions, lock waits and migration state of every target, sampled live." />
      {environments.length === 0 ? (
        <EmptyState title="No environments to watch">You are not a member of a project with environments whose health you may read.</EmptyState>
      ) : (
        <HealthBoard initial={environments} />
      )}
    </>
  );
}
