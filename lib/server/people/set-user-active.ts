import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorizeSiteAdmin, type CurrentUser } from "@/lib/auth/roles";

// Two site admins deactivating each other at once must not leave the install without one.
const SITE_ADMINS_LOCK = 727073701;

/**
 * Deactivates or reactivates an account (site admins only, never their own). Deactivation
 * ends its sessions and API tokens at once; its past decisions stay in the history but no
 * longer count toward any policy. Reactivation does not revive old sessions.
 */
export async function setUserActive(actor: CurrentUser, userId: string, active: boolean) {
  authorizeSiteAdmin(actor);
  if (userId === actor.id) throw new AppError("CONFLICT", "You cannot deactivate or reactivate your own account; ask another site admin.");
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SITE_ADMINS_LOCK})`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, siteAdmin: true, deactivatedAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such account.");
    if (active === !user.deactivatedAt) return user;
    if (!active && user.siteAdmin) {
      const others = await tx.user.count({ where: { siteAdmin: true, deactivatedAt: null, id: { not: user.id } } });
      if (others === 0) throw new AppError("CONFLICT", `${user.email} is the last active site admin: make someone else site admin first.`);
    }
    const now = new Date();
    const updated = await tx.user.update({
      where: { id: user.id },
      data: active ? { deactivatedAt: null } : { deactivatedAt: now, sessionsValidAfter: now },
      select: { id: true, email: true, siteAdmin: true, deactivatedAt: true },
    });
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: active ? "user.reactivated" : "user.deactivated",
      subjectType: "user",
      subjectId: user.id,
      before: { email: user.email, deactivatedAt: user.deactivatedAt?.toISOString() ?? null },
      after: { email: user.email, deactivatedAt: updated.deactivatedAt?.toISOString() ?? null },
    });
    return updated;
  });
}
