import { apiRoute } from "@/lib/api/route";
import { TOKENS_ENDPOINTS } from "@/lib/api/endpoints/tokens";
import { revokeApiToken } from "@/lib/server/tokens";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(TOKENS_ENDPOINTS.revoke, async ({ user, params }) => ({ token: await revokeApiToken(user, params.id) }));
