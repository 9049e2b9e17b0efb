import { apiRoute } from "@/lib/api/route";
import { TOKENS_ENDPOINTS } from "@/lib/api/endpoints/tokens";
import { createApiToken } from "@/lib/server/tokens";
import { ownerProjectIds, ownTokens, tokenRowOf, type TokenRow } from "@/lib/server/token-queries";

export const dynamic = "force-dynamic";

function tokenView(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    kind: t.kind,
    owner: { id: t.owner.id, email: t.owner.email, name: t.owner.name },
    scopes: t.scopes,
    projects: t.projects.map((p) => p.slug),
    state: t.state,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    createdAt: t.createdAt,
    revokedAt: t.revokedAt,
  };
}

export const GET = apiRoute(TOKENS_ENDPOINTS.list, async ({ user }) => ({ tokens: (await ownTokens(user)).map(tokenView) }));

export const POST = apiRoute(TOKENS_ENDPOINTS.create, async ({ user, body }) => {
  const userId = body.userId ?? user.id;
  const projectIds = body.projects ? await ownerProjectIds(userId, body.projects) : [];
  const created = await createApiToken(user, { userId, name: body.name, scopes: body.scopes, projectIds, expiresAt: body.expiresAt ? new Date(body.expiresAt) : null });
  return { token: { ...tokenView(await tokenRowOf(user, created.id)), secret: created.secret } };
});
