import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/credentials";
import type { CurrentUser } from "@/lib/auth/roles";
import { ZChangePassword, type TChangePassword } from "@/lib/schemas/people";
import { accountForAdmin } from "./account-admin";
import { parseInput } from "./input";
import { temporaryPassword } from "./secrets";

/**
 * Someone changes their own password. Every session of theirs, this one included, ends
 * (`sessionsValidAfter`), so a session someone else may hold stops with the old password.
 */
export async function changeOwnPassword(actor: CurrentUser, raw: TChangePassword) {
  const input = parseInput(ZChangePassword, raw);
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, passwordHash: true } });
  if (!user?.passwordHash) throw new AppError("BAD_INPUT", "This account has no password: it signs in with API tokens only.");
  if (!(await bcrypt.compare(input.currentPassword, user.passwordHash))) throw new AppError("BAD_INPUT", "currentPassword: that is not your current password.");
  if (input.newPassword === input.currentPassword) throw new AppError("BAD_INPUT", "newPassword: choose a password different from the current one.");
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, sessionsValidAfter: new Date() } });
    await recordAudit(tx, { actor: auditActorOf(actor), action: "user.password_changed", subjectType: "user", subjectId: user.id, after: { email: user.email, sessionsEnded: true } });
  });
}

/**
 * An admin resets someone's password: a temporary one, returned once for the admin to pass
 * on, that must be changed at the next sign-in. The person's sessions end at once.
 */
export async function resetPassword(actor: CurrentUser, userId: string): Promise<{ email: string; temporaryPassword: string }> {
  if (userId === actor.id) throw new AppError("BAD_INPUT", "To change your own password, use Settings → Your account.");
  const account = await accountForAdmin(actor, userId);
  if (account.kind === "service") throw new AppError("BAD_INPUT", `${account.email} is a service account: it has no password and signs in with API tokens only.`);
  if (account.deactivatedAt) throw new AppError("CONFLICT", `${account.email} is deactivated: reactivate the account first.`);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: account.id }, data: { passwordHash, mustChangePassword: true, sessionsValidAfter: new Date() } });
    await recordAudit(tx, { actor: auditActorOf(actor), action: "user.password_reset", subjectType: "user", subjectId: account.id, after: { email: account.email, mustChangePassword: true, temporaryPassword: "issued" } });
  });
  return { email: account.email, temporaryPassword: password };
}

/** Forces (or, for a site admin, lifts) a password change at the next sign-in without issuing a new password. */
export async function requirePasswordChange(actor: CurrentUser, userId: string, required: boolean) {
  if (userId === actor.id) throw new AppError("BAD_INPUT", "To change your own password, use Settings → Your account.");
  const account = await accountForAdmin(actor, userId);
  if (account.kind === "service") throw new AppError("BAD_INPUT", `${account.email} is a service account: it has no password to change.`);
  if (!required && !actor.siteAdmin) throw new AppError("FORBIDDEN", "Only a site admin may lift a required password change.");
  const current = await db().user.findUniqueOrThrow({ where: { id: account.id }, select: { mustChangePassword: true } });
  if (current.mustChangePassword === required) return;
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: account.id }, data: { mustChangePassword: required } });
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "user.password_reset",
      subjectType: "user",
      subjectId: account.id,
      before: { mustChangePassword: current.mustChangePassword },
      after: { email: account.email, mustChangePassword: required, temporaryPassword: "none" },
    });
  });
}
