import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { policiesForSettings } from "@/lib/server/policies";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { PolicyForm } from "@/components/settings/policy-form";

export const metadata: Metadata = { title: "Policies" };
export const dynamic = "force-dynamic";

export default async function PoliciesPage() {
  const user = await requireUser();
  const projects = await policiesForSettings(user);
  if (projects.length === 0) {
    return (
      <>
        <PageHeader title="Policies" />
        <div className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status" data-testid="settings-forbidden">
          Only admins can view and change environment policies. Ask an admin of your project if a policy needs to change.
        </div>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Policies"
        description="Per environment: who approves, how many approvals, who deploys, freeze windows. An environment without a policy is denied by default."
      />
      <div className="space-y-8">
        {projects.map((project) => (
          <section key={project.id} aria-label={project.name} className="space-y-4">
            <h2 className="text-lg font-semibold">{project.name}</h2>
            {project.environments.length === 0 ? (
              <EmptyState title="No environments yet">Add an environment to the project to give it a policy.</EmptyState>
            ) : (
              project.environments.map((environment, index) => (
                <Card
                  key={environment.id}
                  title={<span className="font-mono">{environment.name}</span>}
                  actions={
                    <span className="text-xs text-slate-500">
                      {environment.updatedAt ? (
                        <>changed <Time value={environment.updatedAt} />{environment.updatedBy ? ` by ${environment.updatedBy}` : ""}</>
                      ) : (
                        "no policy"
                      )}
                    </span>
                  }
                >
                  <PolicyForm
                    environment={{ id: environment.id, name: environment.name, timeZone: environment.timeZone }}
                    policy={environment.policy ?? environment.suggested}
                    stored={environment.policy !== null}
                    isFirst={index === 0}
                  />
                </Card>
              ))
            )}
          </section>
        ))}
      </div>
    </>
  );
}
