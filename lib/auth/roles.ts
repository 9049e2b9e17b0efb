import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type Action } from "./permissions";
import type { Role } from "@/lib/generated/prisma/enums";

// Kept apart from session.ts (which loads next-auth) so the worker process and
// the CLI can authorize without loading Next.

export type CurrentUser = { id: string; email: string; name: string };

export async function roleIn(userId: string, projectId: string): Promise<Role | null> {
  const membership = await db().membership.findUnique({
    where: { userId_projectId: { userId, projectId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

/** Throws FORBIDDEN unless the user's role in the project allows the action. */
export async function authorize(user: CurrentUser, projectId: string, action: Action): Promise<Role> {
  const role = await roleIn(user.id, projectId);
  if (!can(role, action)) {
    throw new AppError("FORBIDDEN", role ? `Your role (${role}) may not do this: ${action}.` : "You are not a member of this project.");
  }
  return role!;
}

/** Roles the user holds in any project: what the navigation and dashboard show. */
export async function rolesOf(userId: string): Promise<Role[]> {
  const memberships = await db().membership.findMany({ where: { userId }, select: { role: true } });
  return [...new Set(memberships.map((m) => m.role))];
}
