import { apiRoute } from "@/lib/api/route";
import { PROJECTS_ENDPOINTS } from "@/lib/api/endpoints/projects";
import { getProject } from "@/lib/server/projects/queries";
import { updateProject } from "@/lib/server/projects/update-project";

export const dynamic = "force-dynamic";

export const GET = apiRoute(PROJECTS_ENDPOINTS.get, async ({ user, params }) => ({ project: await getProject(user, params.slug) }));

export const PATCH = apiRoute(PROJECTS_ENDPOINTS.update, async ({ user, params, body }) => updateProject(user, params.slug, body));
