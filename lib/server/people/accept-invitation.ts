import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/credentials";
import { ZAcceptInvitation, type TAcceptInvitation } from "@/lib/schemas/people";
import type { Role } from "@/lib/generated/prisma/enums";
import { conflictOnRace, parseInput } from "./input";
import { addMembershipRecord, createUserRecord } from "./records";
import { hashLinkSecret } from "./secrets";

export type InvitationState = "pending" | "expired" | "accepted" | "revoked";

export function invitationState(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** What the invitee is told when the link no longer works, and what to do about it. */
export const INVITATION_PROBLEMS = {
  expired: "This invitation has expired. Ask the admin who invited you for a new one.",
  accepted: "This invitation was already used. Sign in with the account it created.",
  revoked: "This invitation was revoked by an admin. Ask them for a new one if you still need access.",
} as const satisfies Record<Exclude<InvitationState, "pending">, string>;

const UNKNOWN_LINK = "This invitation link is not valid. Check that you copied all of it, or ask the admin for a new one.";

function findByLink(token: string) {
  if (!token || token.length > 200) return null;
  return db().invitation.findUnique({ where: { tokenHash: hashLinkSecret(token) } });
}

export type InvitationView = {
  state: InvitationState;
  email: string;
  name: string;
  projectName: string;
  role: Role;
  inviterName: string;
  environments: string[];
  expiresAt: Date;
};

/** What the /invite page shows before anyone types a password; null for an unknown link. */
export async function invitationForLink(token: string): Promise<InvitationView | null> {
  const invitation = await findByLink(token);
  if (!invitation) return null;
  const [project, inviter, environments] = await Promise.all([
    db().project.findUnique({ where: { id: invitation.projectId }, select: { name: true } }),
    db().user.findUnique({ where: { id: invitation.createdById }, select: { name: true } }),
    db().environment.findMany({ where: { id: { in: invitation.environmentIds } }, orderBy: { position: "asc" }, select: { name: true } }),
  ]);
  return {
    state: invitationState(invitation),
    email: invitation.email,
    name: invitation.name,
    projectName: project?.name ?? "a project",
    role: invitation.role,
    inviterName: inviter?.name ?? "an admin",
    environments: environments.map((e) => e.name),
    expiresAt: invitation.expiresAt,
  };
}

/**
 * The invitee sets their name and password: the account, its membership and the invitation's
 * use are one transaction, so a link works exactly once and a refused attempt stores nothing.
 */
export async function acceptInvitation(raw: TAcceptInvitation) {
  const input = parseInput(ZAcceptInvitation, raw);
  const known = await findByLink(input.token);
  if (!known) throw new AppError("NOT_FOUND", UNKNOWN_LINK);
  const passwordHash = await hashPassword(input.password);
  return conflictOnRace(
    () =>
      db().$transaction(async (tx) => {
        // Two tabs submitting the same link: the second waits here, then finds it used.
        await tx.$executeRaw`SELECT 1 FROM "Invitation" WHERE id = ${known.id} FOR UPDATE`;
        const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: known.id } });
        const state = invitationState(invitation);
        if (state !== "pending") throw new AppError("CONFLICT", INVITATION_PROBLEMS[state]);
        if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
          throw new AppError("CONFLICT", `An account with the email ${invitation.email} already exists: sign in with it, and ask the admin to add it to the project.`);
        }
        // An environment removed since the invitation drops out of the scope; a scope left empty would mean "everywhere", so refuse instead.
        const stillThere = await tx.environment.findMany({ where: { projectId: invitation.projectId, id: { in: invitation.environmentIds }, removedAt: null }, select: { id: true } });
        if (invitation.environmentIds.length > 0 && stillThere.length === 0) {
          throw new AppError("CONFLICT", "The environments this invitation lets you approve for were removed from the project. Ask the admin for a new invitation.");
        }
        const user = await createUserRecord(tx, { email: invitation.email, name: input.name, passwordHash }, "self", { via: "invitation" });
        await addMembershipRecord(tx, { userId: user.id, projectId: invitation.projectId, role: invitation.role, environmentIds: stillThere.map((e) => e.id) }, "self");
        await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date(), acceptedUserId: user.id } });
        const inviter = await tx.user.findUnique({ where: { id: invitation.createdById }, select: { email: true } });
        await recordAudit(tx, {
          actor: { id: user.id, email: user.email },
          action: "user.invitation_accepted",
          subjectType: "invitation",
          subjectId: invitation.id,
          projectId: invitation.projectId,
          after: { email: user.email, role: invitation.role, invitedBy: inviter?.email ?? null },
        });
        return { userId: user.id, email: user.email };
      }),
    "An account with this email was created a moment ago: sign in with it.",
  );
}
