import { apiRoute } from "@/lib/api/route";
import { ENVIRONMENTS_ENDPOINTS } from "@/lib/api/endpoints/environments";
import { environmentIdByName, projectBySlug, removeEnvironment, updateEnvironment } from "@/lib/server/environments";
import { apiEnvironment } from "@/lib/server/environments/api-view";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(ENVIRONMENTS_ENDPOINTS.update, async ({ user, params, body }) => {
  const project = await projectBySlug(params.slug);
  return { environment: apiEnvironment(await updateEnvironment(user, await environmentIdByName(project.id, params.name), body)) };
});

export const DELETE = apiRoute(ENVIRONMENTS_ENDPOINTS.remove, async ({ user, params }) => {
  const project = await projectBySlug(params.slug);
  return removeEnvironment(user, await environmentIdByName(project.id, params.name));
});
