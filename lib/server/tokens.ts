import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { newTokenSecret } from "@/lib/auth/api-tokens";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { TOKEN_SCOPES, tokenAllowsSiteAdmin, type TokenGrant, type TokenScope } from "@/lib/auth/token-scopes";

export type NewApiToken = {
  /** Whose token it is: the caller's own (personal) or, for an admin, a service account's or a member's. */
  userId: string;
  name: string;
  scopes: TokenScope[];
  /** Projects the token may touch; empty = every project of its owner. */
  projectIds?: string[];
  expiresAt?: Date | null;
};

/**
 * Creates an API token and returns its secret, the only time it exists outside the caller's
 * hands: only its sha256 is stored. A person makes their own; an admin of every named project
 * (or a site admin) makes one for someone else — a bot's service account, say.
 */
export async function createApiToken(actor: CurrentUser, input: NewApiToken) {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new AppError("BAD_INPUT", "name: give the token a name of 1 to 100 characters.");
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0 || scopes.some((s) => !TOKEN_SCOPES.includes(s))) throw new AppError("BAD_INPUT", `scopes: pick one or more of ${TOKEN_SCOPES.join(", ")}.`);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw new AppError("BAD_INPUT", "expiresAt: must be in the future.");
  const owner = await db().user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, deactivatedAt: true, kind: true, memberships: { select: { projectId: true } } } });
  if (!owner || owner.deactivatedAt) throw new AppError("NOT_FOUND", "No such active user.");
  const projectIds = [...new Set(input.projectIds ?? [])];
  const ownerProjects = owner.memberships.map((m) => m.projectId);
  const unknown = projectIds.filter((id) => !ownerProjects.includes(id));
  if (unknown.length) throw new AppError("BAD_INPUT", "projectIds: the token's owner is not a member of every project named.");
  const own = owner.id === actor.id;
  if (actor.token && !actor.token.scopes.includes("admin") && !own) throw new AppError("FORBIDDEN", "Only a token with the admin scope can make tokens for someone else.");
  if (!own && !actor.siteAdmin) {
    for (const projectId of projectIds.length ? projectIds : ownerProjects) await authorize(actor, projectId, "settings.manage");
  }
  if (actor.token) {
    const maker = await db().apiToken.findUnique({ where: { id: actor.token.id }, select: { expiresAt: true } });
    assertWithinToken({ ...actor.token, expiresAt: maker?.expiresAt ?? null }, { own, scopes, projectIds, expiresAt: input.expiresAt ?? null });
  }

  const { secret, hash, prefix } = newTokenSecret();
  const token = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: owner.id, name, prefix, tokenHash: hash, kind: own ? "personal" : "service", scopes, projectIds, expiresAt: input.expiresAt ?? null, createdById: actor.id },
    });
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "token.created",
      subjectType: "token",
      subjectId: created.id,
      after: { owner: owner.email, name, prefix, kind: created.kind, scopes, projectIds, expiresAt: created.expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { id: token.id, name: token.name, prefix, scopes, projectIds, expiresAt: token.expiresAt, kind: token.kind, secret };
}

/**
 * A token can never make a token that carries more than itself: not a scope it lacks (for its
 * own owner), not a project outside its list, not a life past its own expiry — so a leaked
 * token cannot mint itself a stronger or longer-lived successor.
 */
function assertWithinToken(maker: TokenGrant & { expiresAt: Date | null }, made: { own: boolean; scopes: TokenScope[]; projectIds: string[]; expiresAt: Date | null }) {
  if (made.own && made.scopes.some((s) => !maker.scopes.includes(s))) throw new AppError("FORBIDDEN", "A token cannot make a token with scopes it does not have.");
  if (maker.projectIds.length && (made.projectIds.length === 0 || made.projectIds.some((id) => !maker.projectIds.includes(id)))) {
    throw new AppError("FORBIDDEN", "projects: a token limited to some projects can only make tokens limited to those projects.");
  }
  if (maker.expiresAt && (!made.expiresAt || made.expiresAt.getTime() > maker.expiresAt.getTime())) {
    throw new AppError("FORBIDDEN", `expiresAt: a token cannot make a token that outlives it (this one expires ${maker.expiresAt.toISOString()}).`);
  }
}

/** Revokes a token at once. Its owner may; so may an admin of a project the owner belongs to. */
export async function revokeApiToken(actor: CurrentUser, tokenId: string) {
  const token = await db().apiToken.findUnique({ where: { id: tokenId }, include: { user: { select: { email: true, memberships: { select: { projectId: true } } } } } });
  if (!token) throw new AppError("NOT_FOUND", "No such API token.");
  if (token.userId !== actor.id && !(actor.siteAdmin && tokenAllowsSiteAdmin(actor.token))) {
    const projects = token.projectIds.length ? token.projectIds : token.user.memberships.map((m) => m.projectId);
    if (projects.length === 0) throw new AppError("FORBIDDEN", "Only the token's owner or a site admin may revoke it.");
    for (const projectId of projects) await authorize(actor, projectId, "settings.manage");
  }
  if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
  const revokedAt = new Date();
  await db().$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt } });
    await recordAudit(tx, { actor: auditActorOf(actor), action: "token.revoked", subjectType: "token", subjectId: token.id, before: { revokedAt: null }, after: { owner: token.user.email, prefix: token.prefix, revokedAt: revokedAt.toISOString() } });
  });
  return { id: token.id, revokedAt };
}
