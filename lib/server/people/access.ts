import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { tokenAllows } from "@/lib/auth/token-scopes";

/**
 * May this principal manage the people of the project? Its admins may; so may a site admin,
 * who manages people across the install (within what their API token allows, if any).
 */
export async function authorizePeople(actor: CurrentUser, projectId: string): Promise<void> {
  if (actor.siteAdmin && tokenAllows(actor.token, projectId, "settings.manage")) return;
  await authorize(actor, projectId, "settings.manage");
}

/** The project, or NOT_FOUND; then the people check. */
export async function managedProject(actor: CurrentUser, projectId: string) {
  const project = await db().project.findUnique({ where: { id: projectId }, select: { id: true, slug: true, name: true } });
  if (!project) throw new AppError("NOT_FOUND", "No such project.");
  await authorizePeople(actor, project.id);
  return project;
}
