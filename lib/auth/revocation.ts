import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";

/** A fresh id for a new sign-in; it stays in the JWT through every re-signing. */
export function newSessionId(): string {
  return randomUUID();
}

/**
 * Signs a session out for good: the id is refused from now on, even if a request
 * that was already in flight hands the browser a re-signed cookie afterwards.
 */
export async function revokeSession(sessionId: string, userId: string, expiresAt: Date): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
  await db().$transaction(async (tx) => {
    await tx.revokedSession.upsert({ where: { sessionId }, create: { sessionId, userId, expiresAt }, update: {} });
    // Expired tokens are refused by their signature anyway: their rows are dead weight.
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    if (user) await recordAudit(tx, { actor: { id: userId, email: user.email }, action: "user.signed_out", subjectType: "user", subjectId: userId });
  });
}

export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  return (await db().revokedSession.count({ where: { sessionId } })) > 0;
}
