import { apiRoute } from "@/lib/api/route";
import { ENVIRONMENTS_ENDPOINTS } from "@/lib/api/endpoints/environments";
import { environmentIdByName, projectBySlug, testConnection } from "@/lib/server/environments";

export const dynamic = "force-dynamic";

export const POST = apiRoute(ENVIRONMENTS_ENDPOINTS.test, async ({ user, params }) => {
  const project = await projectBySlug(params.slug);
  return testConnection(user, { environmentId: await environmentIdByName(project.id, params.name) });
});
