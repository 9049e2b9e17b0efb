import { apiRoute } from "@/lib/api/route";
import { DEPLOYMENTS_ENDPOINTS } from "@/lib/api/endpoints/deployments";
import { deployOptions } from "@/lib/server/deployments";

export const dynamic = "force-dynamic";

/** Per environment, whether the viewer may schedule a deploy or break glass, and the environment's time zone. */
export const GET = apiRoute(DEPLOYMENTS_ENDPOINTS.options, async ({ user, query }) => ({ environments: await deployOptions(user, query.requestId) }));
