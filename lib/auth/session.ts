import { auth } from "./config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "./roles";

export type { CurrentUser } from "./roles";

/**
 * The signed-in user, re-read from the database so a deleted or deactivated user loses
 * access at once, whatever their cookie says.
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, siteAdmin: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) return null;
  return { id: user.id, email: user.email, name: user.name, siteAdmin: user.siteAdmin };
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return user;
}
