import { apiRoute } from "@/lib/api/route";
import { DEPLOYMENTS_ENDPOINTS } from "@/lib/api/endpoints/deployments";
import { deploymentProgress } from "@/lib/server/deployments";

export const dynamic = "force-dynamic";

/** Live progress of one deployment, polled by the browser and by `sluice deploy --wait`. */
export const GET = apiRoute(DEPLOYMENTS_ENDPOINTS.get, async ({ user, params }) => deploymentProgress(user, params.id));
