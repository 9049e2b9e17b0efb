import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { tokenAllowsSiteAdmin } from "@/lib/auth/token-scopes";

export type ManagedAccount = { id: string; email: string; name: string; kind: string; siteAdmin: boolean; deactivatedAt: Date | null; passwordHash: string | null };

/**
 * May the actor act on this account's credentials (reset its password, force a change)?
 * A site admin may. A project admin may only for someone all of whose projects they
 * administer and who is no site admin: whoever learns a temporary password gets that
 * account's access, so it must not reach further than the actor's own.
 */
export async function accountForAdmin(actor: CurrentUser, userId: string): Promise<ManagedAccount> {
  const account = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, kind: true, siteAdmin: true, deactivatedAt: true, passwordHash: true, memberships: { select: { projectId: true } } },
  });
  if (!account) throw new AppError("NOT_FOUND", "No such account.");
  const { memberships, ...rest } = account;
  if (actor.siteAdmin && tokenAllowsSiteAdmin(actor.token)) return rest;
  const refusal = account.siteAdmin
    ? "Only a site admin may do this to a site admin's account."
    : "You may do this only for people all of whose projects you administer; ask a site admin.";
  if (account.siteAdmin || memberships.length === 0) throw new AppError("FORBIDDEN", refusal);
  for (const { projectId } of memberships) {
    await authorize(actor, projectId, "settings.manage").catch((error: unknown) => {
      if (error instanceof AppError && error.code === "FORBIDDEN") throw new AppError("FORBIDDEN", refusal);
      throw error;
    });
  }
  return rest;
}
