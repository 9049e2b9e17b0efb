import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { HISTORY_PAGE_SIZE, ZHistoryFilters, listDeployments } from "@/lib/server/history";
import { breakGlassReasons } from "@/lib/server/deployments";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { HistoryFilters } from "@/components/history/history-filters";
import { DeploymentsTable } from "@/components/history/deployments-table";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filters = ZHistoryFilters.parse(await searchParams);
  const history = await listDeployments(user, filters);
  const breakGlass = await breakGlassReasons(history.entries.map((e) => e.id));
  const filtered = Boolean(filters.environment || filters.status);
  return (
    <>
      <PageHeader title="Deploy history" description="Every deployment to every environment you can see, newest first." />
      <HistoryFilters filters={filters} environments={history.environments} />
      {history.entries.length === 0 ? (
        <EmptyState title={filtered ? "No deployments match these filters" : "No deployments yet"}>
          {filtered ? "Clear the filters to see every deployment." : "Deploys started from an approved request are recorded here."}
        </EmptyState>
      ) : (
        <>
          <DeploymentsTable entries={history.entries} breakGlass={breakGlass} />
          <Pagination
            page={history.page}
            pageCount={history.pageCount}
            total={history.total}
            pageSize={HISTORY_PAGE_SIZE}
            basePath="/history"
            params={{ environment: filters.environment, status: filters.status }}
          />
        </>
      )}
    </>
  );
}
