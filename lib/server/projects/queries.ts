import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import { tokenAllows } from "@/lib/auth/token-scopes";
import { mayUseServerPaths, visibleProjectBySlug, visibleProjectIds } from "./access";
import { PROJECT_VIEW_SELECT, projectViews, type ProjectView } from "./view";

/** Every project the viewer may see, by name. */
export async function listProjects(actor: CurrentUser): Promise<ProjectView[]> {
  const { ids, roles } = await visibleProjectIds(actor);
  const rows = await db().project.findMany({ where: ids === "all" ? {} : { id: { in: ids } }, select: PROJECT_VIEW_SELECT, orderBy: { name: "asc" } });
  return projectViews(rows, roles);
}

/** One project's view for a caller already allowed to see it (a member, or a verified webhook). */
export async function projectViewOf(projectId: string, role: Role | null): Promise<ProjectView> {
  const row = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: PROJECT_VIEW_SELECT });
  const [view] = await projectViews([row], new Map(role ? [[projectId, role]] : []));
  return view;
}

/** One project by slug; NOT_FOUND when it does not exist or the viewer may not see it. */
export async function getProject(actor: CurrentUser, slug: string): Promise<ProjectView> {
  const { id, role } = await visibleProjectBySlug(actor, slug);
  return projectViewOf(id, role);
}

export type ProjectSettings = {
  project: ProjectView;
  /** May edit the project (its admins, site admins). */
  mayManage: boolean;
  /** May point it at the server's disk (folder source, local repository): site admins only. */
  mayUseServerPaths: boolean;
};

/** What /settings/projects/[slug] shows, and what the viewer may change there. */
export async function projectSettings(actor: CurrentUser, slug: string): Promise<ProjectSettings> {
  const project = await getProject(actor, slug);
  const { id } = await db().project.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const serverPaths = mayUseServerPaths(actor);
  const asAdmin = (serverPaths && tokenAllows(actor.token, id, "settings.manage")) || (can(project.role, "settings.manage") && tokenAllows(actor.token, id, "settings.manage"));
  return { project, mayManage: asAdmin, mayUseServerPaths: serverPaths };
}
