import { apiRoute } from "@/lib/api/route";
import { ENVIRONMENTS_ENDPOINTS } from "@/lib/api/endpoints/environments";
import { createEnvironment, listEnvironments, projectBySlug } from "@/lib/server/environments";
import { apiEnvironment } from "@/lib/server/environments/api-view";

export const dynamic = "force-dynamic";

export const GET = apiRoute(ENVIRONMENTS_ENDPOINTS.list, async ({ user, params }) => {
  const project = await projectBySlug(params.slug);
  return { environments: (await listEnvironments(user, project.id)).map(apiEnvironment) };
});

export const POST = apiRoute(ENVIRONMENTS_ENDPOINTS.create, async ({ user, params, body }) => {
  const project = await projectBySlug(params.slug);
  return { environment: apiEnvironment(await createEnvironment(user, project.id, body)) };
});
