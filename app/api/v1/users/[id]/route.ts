import { apiRoute } from "@/lib/api/route";
import { USERS_ENDPOINTS } from "@/lib/api/endpoints/users";
import { updateUser } from "@/lib/server/people/update-user";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(USERS_ENDPOINTS.update, async ({ user, params, body }) => ({ user: await updateUser(user, params.id, body) }));
