import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { accountsForSiteAdmin, peopleForSettings } from "@/lib/server/people/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ProjectPeople } from "@/components/people/project-people";
import { AccountsCard } from "@/components/people/accounts-card";

export const metadata: Metadata = { title: "People" };
export const dynamic = "force-dynamic";

export default async function PeoplePage() {
  const user = await requireUser();
  const [{ siteAdmin, projects }, accounts] = await Promise.all([peopleForSettings(user), accountsForSiteAdmin(user)]);
  if (projects.length === 0 && !siteAdmin) {
    return (
      <>
        <PageHeader title="People" />
        <div className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status" data-testid="settings-forbidden">
          Only admins can invite people and change roles. Ask an admin of your project to add someone or change a role.
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="People"
        description="Who may do what, per project: one role each, and for approvers the environments they approve for. Invitation links work once, for seven days."
      />
      <div className="space-y-8">
        {projects.length === 0 ? (
          <EmptyState title="No projects yet">Create a project under Settings → Projects, then invite people to it here.</EmptyState>
        ) : (
          projects.map((project) => <ProjectPeople key={project.id} project={project} viewerIsSiteAdmin={siteAdmin} />)
        )}
        {accounts && <AccountsCard accounts={accounts} />}
      </div>
    </>
  );
}
