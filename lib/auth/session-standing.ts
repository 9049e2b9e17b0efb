import { db } from "@/lib/db";

declare module "next-auth" {
  interface Session {
    /** An admin reset the password: every page sends the person to choose a new one (lib/auth/config.ts). */
    mustChangePassword?: boolean;
  }
}

/**
 * Whether a session of this account may go on, read from the database on every request:
 * null once the account is gone or deactivated, or when its password changed (or was reset)
 * after this session signed in. Otherwise what the session must carry: whether a new
 * password is required.
 */
export async function sessionStanding(userId: string, signedInAtMs: number): Promise<{ mustChangePassword: boolean } | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { deactivatedAt: true, sessionsValidAfter: true, mustChangePassword: true } });
  if (!user || user.deactivatedAt) return null;
  if (user.sessionsValidAfter && signedInAtMs <= user.sessionsValidAfter.getTime()) return null;
  return { mustChangePassword: user.mustChangePassword };
}

/** Where a person whose password was reset is sent until they choose a new one. */
export const PASSWORD_CHANGE_PATH = "/settings/account";

/** Right after a successful sign-in: must this account choose a new password before anything else? */
export async function mustChangePassword(email: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { mustChangePassword: true } });
  return user?.mustChangePassword ?? false;
}
