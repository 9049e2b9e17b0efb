import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type Action } from "./permissions";
import { tokenAllows, tokenAllowsSiteAdmin, type TokenGrant } from "./token-scopes";
import type { Role } from "@/lib/generated/prisma/enums";

// Kept apart from session.ts (which loads next-auth) so the worker process and
// the CLI can authorize without loading Next.

/**
 * Who is acting: a signed-in person, or the owner of an API token together with what the
 * token grants. Every domain function takes one and asks `authorize`, so the browser, the
 * API and the CLI are held to the same permission table.
 */
export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  /** May create projects and manage people across the install. */
  siteAdmin?: boolean;
  /** Set when the call came with an API token: its scopes and projects narrow the owner's role. */
  token?: TokenGrant;
};

export async function roleIn(userId: string, projectId: string): Promise<Role | null> {
  const membership = await db().membership.findUnique({
    where: { userId_projectId: { userId, projectId } },
    select: { role: true, user: { select: { deactivatedAt: true } } },
  });
  // A deactivated account holds no role anywhere, and its past decisions stop counting.
  if (!membership || membership.user.deactivatedAt) return null;
  return membership.role;
}

/** Throws FORBIDDEN unless the user's role in the project (and the token, if any) allows the action. */
export async function authorize(user: CurrentUser, projectId: string, action: Action): Promise<Role> {
  const role = await roleIn(user.id, projectId);
  if (!can(role, action)) {
    throw new AppError("FORBIDDEN", role ? `Your role (${role}) may not do this: ${action}.` : "You are not a member of this project.");
  }
  if (!tokenAllows(user.token, projectId, action)) {
    throw new AppError("FORBIDDEN", `This API token's scopes or projects do not allow ${action} here.`);
  }
  return role!;
}

/** Install-wide administration: creating projects, listing every person. */
export function authorizeSiteAdmin(user: CurrentUser): void {
  if (!user.siteAdmin) throw new AppError("FORBIDDEN", "Only a site admin may do this.");
  if (!tokenAllowsSiteAdmin(user.token)) throw new AppError("FORBIDDEN", "This API token lacks the admin scope.");
}

/** Roles the user holds in any project: what the navigation and dashboard show. */
export async function rolesOf(userId: string): Promise<Role[]> {
  const memberships = await db().membership.findMany({ where: { userId }, select: { role: true } });
  return [...new Set(memberships.map((m) => m.role))];
}
