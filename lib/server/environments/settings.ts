import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { roleIn, type CurrentUser } from "@/lib/auth/roles";
import { tokenAllows } from "@/lib/auth/token-scopes";
import { AppError } from "@/lib/errors";
import { listEnvironments } from "./list-environments";
import { projectBySlug } from "./lookup";
import type { EnvironmentView } from "./view";

/** What removing an environment would meet: a deploy in flight, or history to keep. */
export type EnvironmentHistory = { deployments: number; activeDeployments: number; approvals: number; approverScopes: number };

export type EnvironmentsSettings = {
  project: { id: string; slug: string; name: string };
  /** The viewer may add, edit, reorder, remove and test (settings.manage); others only read. */
  mayManage: boolean;
  environments: (EnvironmentView & { history: EnvironmentHistory })[];
};

/** What /settings/projects/[slug]/environments shows: the chain, and whether the viewer may change it. */
export async function environmentsForSettings(actor: CurrentUser, slug: string): Promise<EnvironmentsSettings> {
  const project = await projectBySlug(slug);
  const role = await roleIn(actor.id, project.id);
  if (!role) throw new AppError("FORBIDDEN", "You are not a member of this project.");
  const environments = await listEnvironments(actor, project.id);
  const ids = environments.map((e) => e.id);
  const [deployments, approvals, memberships] = await Promise.all([
    db().deployment.groupBy({ by: ["environmentId", "status"], where: { environmentId: { in: ids } }, _count: { _all: true } }),
    db().approval.groupBy({ by: ["environmentId"], where: { environmentId: { in: ids } }, _count: { _all: true } }),
    db().membership.findMany({ where: { projectId: project.id, environmentIds: { hasSome: ids } }, select: { environmentIds: true } }),
  ]);
  const history = (id: string): EnvironmentHistory => {
    const own = deployments.filter((d) => d.environmentId === id);
    return {
      deployments: own.reduce((sum, d) => sum + d._count._all, 0),
      activeDeployments: own.filter((d) => d.status === "queued" || d.status === "running").reduce((sum, d) => sum + d._count._all, 0),
      approvals: approvals.find((a) => a.environmentId === id)?._count._all ?? 0,
      approverScopes: memberships.filter((m) => m.environmentIds.includes(id)).length,
    };
  };
  return {
    project,
    mayManage: can(role, "settings.manage") && tokenAllows(actor.token, project.id, "settings.manage"),
    environments: environments.map((e) => ({ ...e, history: history(e.id) })),
  };
}
