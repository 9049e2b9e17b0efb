import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { AUDIT_PAGE_SIZE, ZAuditFilters, listAuditEvents, verifyAuditChain } from "@/lib/server/audit-log";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainBanner } from "@/components/audit/chain-banner";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filters = ZAuditFilters.parse(await searchParams);
  const log = await listAuditEvents(user, filters);
  // The chain verdict is for those who may read some project's audit log, not for a bare sign-in list.
  const verdict = log.readableProjectCount > 0 ? await verifyAuditChain() : null;
  const filtered = Boolean(filters.actor || filters.action || filters.subjectType || filters.subjectId || filters.from || filters.to);
  return (
    <>
      <PageHeader title="Audit log" description="Every change Sluice made, who made it and what it changed. Append-only and hash-chained." />
      {verdict && <ChainBanner verdict={verdict} />}
      <AuditFilters filters={filters} subjectTypes={log.subjectTypes} />
      {log.rows.length === 0 ? (
        <EmptyState title={filtered ? "No events match these filters" : "No events yet"}>
          {filtered ? "Widen the date range or clear the filters." : "Sign-ins, requests, approvals and deploys are recorded here."}
        </EmptyState>
      ) : (
        <>
          <AuditTable rows={log.rows} />
          <Pagination
            page={log.page}
            pageCount={log.pageCount}
            total={log.total}
            pageSize={AUDIT_PAGE_SIZE}
            basePath="/audit"
            params={{ actor: filters.actor, action: filters.action, subjectType: filters.subjectType, subjectId: filters.subjectId, from: filters.from, to: filters.to }}
          />
        </>
      )}
    </>
  );
}
