import { apiRoute } from "@/lib/api/route";
import { HEALTH_ENDPOINTS } from "@/lib/api/endpoints/health";
import { environmentsHealth } from "@/lib/server/health";

// Live values: never cached.
export const dynamic = "force-dynamic";

/** A fresh sample of every environment the caller may see. */
export const GET = apiRoute(HEALTH_ENDPOINTS.environments, async ({ user }) => ({ environments: await environmentsHealth(user) }));
