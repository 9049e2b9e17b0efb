import { requireUser } from "@/lib/auth/session";
import { FAILED_DEPLOY_WINDOW_DAYS, PENDING_REQUEST_STATUSES, loadDashboard } from "@/lib/server/dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { StatTile } from "@/components/dashboard/stat-tile";
import { RecentDeploys } from "@/components/dashboard/recent-deploys";
import { EnvironmentSummaryList } from "@/components/dashboard/environment-summary";
import Link from "next/link";

function requestsWith(...statuses: string[]) {
  return `/requests?status=${statuses.join(",")}`;
}

export default async function DashboardPage() {
  const user = await requireUser();
  const dashboard = await loadDashboard(user);

  if (dashboard.projectCount === 0) {
    return (
      <>
        <PageHeader title="Dashboard" />
        <EmptyState title="You are not a member of any project yet">Ask an admin to add you to a project to see its migrations.</EmptyState>
      </>
    );
  }

  const { counts } = dashboard;
  return (
    <>
      <PageHeader title="Dashboard" description="What is waiting to ship, what is shipping, and what went wrong." />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatTile
          testId="stat-pending"
          label="Pending requests"
          value={counts.pending}
          href={requestsWith(...PENDING_REQUEST_STATUSES)}
          hint="Draft, in review or changes requested"
        />
        <StatTile testId="stat-awaiting-approval" label="Awaiting approval" value={counts.awaitingApproval} href={requestsWith("in_review")} hint="In review" accent="blue" />
        <StatTile testId="stat-deploying" label="Deploying" value={counts.deploying} href={requestsWith("deploying")} hint="A deploy is running now" accent="purple" />
        <StatTile
          testId="stat-failed"
          label="Failed requests"
          value={counts.failedRequests}
          href={requestsWith("failed")}
          accent="red"
          hint={
            <>
              Request status failed · {counts.failedDeploysRecent} failed deploy{counts.failedDeploysRecent === 1 ? "" : "s"} in {FAILED_DEPLOY_WINDOW_DAYS} days
            </>
          }
        />
      </div>

      {dashboard.environments.length > 0 && (
        <section className="mt-8" aria-label="Environments">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Environments</h2>
          <EnvironmentSummaryList environments={dashboard.environments} />
        </section>
      )}

      <section className="mt-8" aria-label="Latest deploys">
        <div className="mb-3 flex items-baseline justify-between">
          <h2 className="text-sm font-semibold text-slate-900">Latest deploys</h2>
          <Link href="/history" className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            All history →
          </Link>
        </div>
        <RecentDeploys deploys={dashboard.recentDeploys} />
      </section>
    </>
  );
}
