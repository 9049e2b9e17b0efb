import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { listRequests } from "@/lib/server/request-queries";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/button";
import { RequestFiltersForm } from "@/components/requests/request-filters";
import { RequestsTable } from "@/components/requests/requests-table";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ status?: string; project?: string; requester?: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const filters = await searchParams;
  const { requests, projects, requesters } = await listRequests(user, filters);
  return (
    <>
      <PageHeader
        title="Migration requests"
        description="Every migration goes through review before it reaches a database."
        actions={
          <Link href="/requests/new" className={buttonClasses("primary")}>
            New request
          </Link>
        }
      />
      <RequestFiltersForm filters={filters} projects={projects.map((p) => ({ slug: p.slug, name: p.name }))} requesters={requesters} />
      <RequestsTable requests={requests} filtered={Boolean(filters.status || filters.project || filters.requester)} />
    </>
  );
}
