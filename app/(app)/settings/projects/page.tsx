import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listProjects } from "@/lib/server/projects/queries";
import { mayUseServerPaths } from "@/lib/server/projects/access";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ProjectsTable } from "@/components/projects/projects-table";
import { NewProjectPanel } from "@/components/projects/new-project-panel";

export const metadata: Metadata = { title: "Projects" };
export const dynamic = "force-dynamic";

export default async function ProjectsPage() {
  const user = await requireUser();
  const projects = await listProjects(user);
  const siteAdmin = mayUseServerPaths(user);
  return (
    <>
      <PageHeader
        title="Projects"
        description="Each project is one application's migrations: from a git repository Sluice mirrors, a folder on the server, or uploads from CI."
      />
      {siteAdmin && (
        <div className="mb-6">
          <NewProjectPanel mayUseServerPaths={siteAdmin} />
        </div>
      )}
      {projects.length === 0 ? (
        <EmptyState title="No projects yet">
          {siteAdmin ? "Create the first one: give it a name and point it at the repository that holds its prisma/migrations." : "You are not a member of any project. Ask an admin to add you."}
        </EmptyState>
      ) : (
        <ProjectsTable projects={projects} />
      )}
    </>
  );
}
