import { apiRoute } from "@/lib/api/route";
import { PROJECTS_ENDPOINTS } from "@/lib/api/endpoints/projects";
import { createProject } from "@/lib/server/projects/create-project";
import { listProjects } from "@/lib/server/projects/queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(PROJECTS_ENDPOINTS.list, async ({ user }) => ({ projects: await listProjects(user) }));

export const POST = apiRoute(PROJECTS_ENDPOINTS.create, async ({ user, body }) => createProject(user, body));
