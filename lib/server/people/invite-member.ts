import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/roles";
import { ZInviteMember, type TInviteMember } from "@/lib/schemas/people";
import { managedProject } from "./access";
import { conflictOnRace, parseInput } from "./input";
import { addMembershipRecord, scopeEnvironments } from "./records";
import { newLinkSecret } from "./secrets";

export const INVITATION_DAYS = 7;

export type InviteOutcome =
  | { kind: "added"; userId: string; email: string }
  | { kind: "invited"; invitationId: string; email: string; url: string; expiresAt: Date };

/** The link an invitee opens; shown to the admin once (only its hash is kept). */
export function invitationUrl(secret: string): string {
  return `${publicUrl()}/invite/${secret}`;
}

/**
 * An admin adds someone to a project. An active account is simply added; anyone else gets a
 * single-use invitation valid for seven days, whose link the admin copies and sends (no
 * email is sent yet). Inviting the same address again replaces the pending invitation.
 */
export async function inviteMember(actor: CurrentUser, raw: TInviteMember): Promise<InviteOutcome> {
  const input = parseInput(ZInviteMember, raw);
  const project = await managedProject(actor, input.projectId);
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true, email: true, deactivatedAt: true } });
  if (existing?.deactivatedAt) throw new AppError("CONFLICT", `The account ${existing.email} is deactivated: a site admin can reactivate it first.`);
  if (existing) {
    await conflictOnRace(
      () => db().$transaction((tx) => addMembershipRecord(tx, { userId: existing.id, projectId: project.id, role: input.role, environmentIds: input.environmentIds }, auditActorOf(actor))),
      `${existing.email} is already a member of this project.`,
    );
    return { kind: "added", userId: existing.id, email: existing.email };
  }

  const { secret, hash } = newLinkSecret();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const invitation = await db().$transaction(async (tx) => {
    const scope = await scopeEnvironments(tx, project.id, input.role, input.environmentIds);
    const replaced = await tx.invitation.findMany({ where: { projectId: project.id, email: input.email, acceptedAt: null, revokedAt: null }, select: { id: true } });
    for (const old of replaced) {
      await tx.invitation.update({ where: { id: old.id }, data: { revokedAt: new Date() } });
      await recordAudit(tx, { actor: auditActorOf(actor), action: "user.invitation_revoked", subjectType: "invitation", subjectId: old.id, projectId: project.id, after: { email: input.email, reason: "replaced by a new invitation" } });
    }
    const created = await tx.invitation.create({
      data: { email: input.email, name: input.name, projectId: project.id, role: input.role, environmentIds: scope.map((e) => e.id), tokenHash: hash, createdById: actor.id, expiresAt },
    });
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "user.invited",
      subjectType: "invitation",
      subjectId: created.id,
      projectId: project.id,
      after: { email: input.email, name: input.name, role: input.role, environments: scope.map((e) => e.name), expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { kind: "invited", invitationId: invitation.id, email: invitation.email, url: invitationUrl(secret), expiresAt };
}
