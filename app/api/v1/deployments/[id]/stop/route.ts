import { apiRoute } from "@/lib/api/route";
import { DEPLOYMENTS_ENDPOINTS } from "@/lib/api/endpoints/deployments";
import { stopDeployment } from "@/lib/server/deployments";

export const dynamic = "force-dynamic";

export const POST = apiRoute(DEPLOYMENTS_ENDPOINTS.stop, async ({ user, params }) => {
  const { status } = await stopDeployment(user, { deploymentId: params.id });
  return { deployment: { id: params.id, status } };
});
