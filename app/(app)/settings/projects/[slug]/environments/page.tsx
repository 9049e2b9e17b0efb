import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { environmentsForSettings } from "@/lib/server/environments";
import { PageHeader } from "@/components/ui/page-header";
import { EnvironmentChain } from "@/components/environments/environment-chain";

export const metadata: Metadata = { title: "Environments" };
export const dynamic = "force-dynamic";

async function load(slug: string) {
  const user = await requireUser();
  try {
    return await environmentsForSettings(user, slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") return null;
    throw error;
  }
}

export default async function EnvironmentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const settings = await load(slug);
  if (!settings) {
    return (
      <>
        <PageHeader title="Environments" />
        <div className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status" data-testid="settings-forbidden">
          You are not a member of this project. Ask one of its admins to add you.
        </div>
      </>
    );
  }
  const { project, mayManage, environments } = settings;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/settings/projects/${project.slug}`} className="text-indigo-700 underline">
          ← {project.name}
        </Link>
      </p>
      <PageHeader
        title={`${project.name}: environments`}
        description="The databases this project deploys to, in promotion order. Connection URLs are stored encrypted and never shown back with their password; each environment starts with the standard deny-by-default policy."
      />
      {!mayManage && (
        <div className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status" data-testid="settings-read-only">
          Only an admin of {project.name} can add, change, reorder, test or remove environments. Ask one if a database moved or a new one is needed.
        </div>
      )}
      <EnvironmentChain projectId={project.id} environments={environments} mayManage={mayManage} />
      <p className="mt-6 text-xs text-slate-500">
        URL forms, sslmode and CA certificates, and the privileges the connecting role needs: docs/environments.md.
      </p>
    </>
  );
}
