import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { newRequestOptions } from "@/lib/server/request-queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { NewRequestForm } from "@/components/requests/new-request-form";

export const metadata: Metadata = { title: "New request" };

export default async function NewRequestPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const projects = await newRequestOptions(user);
  return (
    <>
      <PageHeader title="New migration request" description="Pick pending migrations from the project's folder, or paste SQL with its down SQL. It is linted before review." />
      {projects.length ? (
        <NewRequestForm projects={projects} />
      ) : (
        <EmptyState title="You cannot create requests">Your role in your projects does not include creating migration requests (requesters and admins can).</EmptyState>
      )}
    </>
  );
}
