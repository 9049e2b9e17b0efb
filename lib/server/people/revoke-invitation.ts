import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/roles";
import { authorizePeople } from "./access";
import { invitationState } from "./accept-invitation";

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(actor: CurrentUser, invitationId: string) {
  const invitation = await db().invitation.findUnique({ where: { id: invitationId } });
  if (!invitation) throw new AppError("NOT_FOUND", "No such invitation.");
  await authorizePeople(actor, invitation.projectId);
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Invitation" WHERE id = ${invitation.id} FOR UPDATE`;
    const current = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    const state = invitationState(current);
    if (state === "accepted") throw new AppError("CONFLICT", `${current.email} already accepted this invitation: remove them from the project instead.`);
    if (state === "revoked") return;
    const revokedAt = new Date();
    await tx.invitation.update({ where: { id: current.id }, data: { revokedAt } });
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "user.invitation_revoked",
      subjectType: "invitation",
      subjectId: current.id,
      projectId: current.projectId,
      before: { revokedAt: null },
      after: { email: current.email, revokedAt: revokedAt.toISOString() },
    });
  });
}
