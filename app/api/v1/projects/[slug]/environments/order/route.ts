import { apiRoute } from "@/lib/api/route";
import { ENVIRONMENTS_ENDPOINTS } from "@/lib/api/endpoints/environments";
import { projectBySlug, reorderEnvironments } from "@/lib/server/environments";
import { apiEnvironment } from "@/lib/server/environments/api-view";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(ENVIRONMENTS_ENDPOINTS.reorder, async ({ user, params, body }) => {
  const project = await projectBySlug(params.slug);
  return { environments: (await reorderEnvironments(user, project.id, body)).map(apiEnvironment) };
});
