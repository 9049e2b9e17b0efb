import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { ZTokenScope } from "./token-scopes";
import type { CurrentUser } from "./roles";

/** Recognisable in logs and secret scanners; the rest is 32 random bytes. */
export const TOKEN_PREFIX = "slu_";
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new secret, its hash (the only thing stored) and the prefix shown in lists. */
export function newTokenSecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashToken(secret), prefix: secret.slice(0, SHOWN_PREFIX_LENGTH) };
}

// Writing last-used on every call would turn each read into a write; once a minute is enough to answer "is it used?".
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal behind `Authorization: Bearer <token>`, or null when the token is unknown,
 * revoked, expired or its owner deactivated. Never says which: a caller learns nothing.
 */
export async function principalOfToken(secret: string): Promise<CurrentUser | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    include: { user: { select: { id: true, email: true, name: true, siteAdmin: true, deactivatedAt: true } } },
  });
  if (!token || token.revokedAt || token.user.deactivatedAt) return null;
  const now = Date.now();
  if (token.expiresAt && token.expiresAt.getTime() <= now) return null;
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(now) } });
  }
  const scopes = token.scopes.flatMap((s) => {
    const parsed = ZTokenScope.safeParse(s);
    return parsed.success ? [parsed.data] : [];
  });
  const { id, email, name, siteAdmin } = token.user;
  return { id, email, name, siteAdmin, token: { id: token.id, scopes, projectIds: token.projectIds } };
}
