import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { projectSettings } from "@/lib/server/projects/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { SourceSummary } from "@/components/projects/source-summary";
import { RefreshButton } from "@/components/projects/refresh-button";
import { EditProjectForm } from "@/components/projects/edit-project-form";
import { WebhookHelp } from "@/components/projects/webhook-help";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `Project ${(await params).slug}` };
}

export default async function ProjectSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requireUser();
  const { slug } = await params;
  let settings;
  try {
    settings = await projectSettings(user, slug);
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const { project, mayManage, mayUseServerPaths } = settings;
  return (
    <>
      <PageHeader
        title={project.name}
        description={<span className="font-mono">{project.slug}</span>}
        actions={
          <>
            <Link href="/settings/projects" className={buttonClasses("ghost")}>
              All projects
            </Link>
            <Link href={`/settings/projects/${project.slug}/environments`} className={buttonClasses("secondary")}>
              Environments ({project.environments.length})
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Source" actions={project.sourceKind === "git" ? <RefreshButton slug={project.slug} projectName={project.name} /> : undefined}>
          <SourceSummary project={project} />
          {project.snapshot && project.sourceKind === "git" && (
            <p className="mt-2 text-xs text-slate-500">New requests are made from commit {project.snapshot.commit?.slice(0, 7)}; a request keeps its commit when the branch moves on.</p>
          )}
        </Card>
        {mayManage ? (
          <Card title="Settings">
            <EditProjectForm project={project} mayUseServerPaths={mayUseServerPaths} />
          </Card>
        ) : (
          <p className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status" data-testid="settings-forbidden">
            Only the project&apos;s admins can change it.{project.sourceKind === "git" && " You can still refresh it from its repository."}
          </p>
        )}
        {project.sourceKind === "git" && (
          <Card title="Refresh on push">
            <WebhookHelp project={project} />
          </Card>
        )}
      </div>
    </>
  );
}
