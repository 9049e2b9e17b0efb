import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { scopeAllows, tokenAllows, tokenAllowsSiteAdmin } from "@/lib/auth/token-scopes";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who may see and change a project. Its admins manage it; a site admin manages every
 * project of the install (within what their API token allows). Reading needs a role in the
 * project (or site admin); a token must carry the read or admin scope.
 */

/** A site admin acting within their token's admin scope and projects (or without a token). */
function actsAsSiteAdmin(actor: CurrentUser, projectId: string | null): boolean {
  return Boolean(actor.siteAdmin) && tokenAllowsSiteAdmin(actor.token) && tokenAllows(actor.token, projectId, "settings.manage");
}

export async function authorizeProjectAdmin(actor: CurrentUser, projectId: string): Promise<void> {
  if (actsAsSiteAdmin(actor, projectId)) return;
  await authorize(actor, projectId, "settings.manage");
}

/** May change the source kind to a folder, or point git at a path: reading the server's own disk is for site admins only. */
export function mayUseServerPaths(actor: CurrentUser): boolean {
  return actsAsSiteAdmin(actor, null);
}

function tokenMayRead(actor: CurrentUser): boolean {
  return !actor.token || scopeAllows(actor.token.scopes, "history.read") || actor.token.scopes.includes("admin");
}

/** The viewer's role in each project they may see (memberships; every project for a site admin). */
export async function visibleProjectIds(actor: CurrentUser): Promise<{ ids: string[] | "all"; roles: Map<string, Role> }> {
  if (!tokenMayRead(actor)) throw new AppError("FORBIDDEN", "This API token's scopes do not allow reading projects (it needs read or admin).");
  const memberships = await db().membership.findMany({ where: { userId: actor.id, user: { deactivatedAt: null } }, select: { projectId: true, role: true } });
  const roles = new Map(memberships.filter((m) => tokenAllows(actor.token, m.projectId, "history.read") || tokenAllows(actor.token, m.projectId, "settings.manage")).map((m) => [m.projectId, m.role]));
  if (actsAsSiteAdmin(actor, null) && !actor.token?.projectIds.length) return { ids: "all", roles };
  return { ids: [...roles.keys()], roles };
}

/**
 * The project a slug names, if the viewer may see it. Someone who may not gets the same
 * NOT_FOUND as for a slug that does not exist: a project's name is not theirs to learn.
 */
export async function visibleProjectBySlug(actor: CurrentUser, slug: string): Promise<{ id: string; role: Role | null }> {
  const project = await db().project.findUnique({ where: { slug }, select: { id: true } });
  const notFound = new AppError("NOT_FOUND", `There is no project "${slug}" that you can see.`);
  if (!project) throw notFound;
  const { ids, roles } = await visibleProjectIds(actor);
  if (ids !== "all" && !ids.includes(project.id) && !actsAsSiteAdmin(actor, project.id)) throw notFound;
  return { id: project.id, role: roles.get(project.id) ?? null };
}
