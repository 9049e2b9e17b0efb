import { apiRoute } from "@/lib/api/route";
import { USERS_ENDPOINTS } from "@/lib/api/endpoints/users";
import { listUsers } from "@/lib/server/people/queries";
import { addPerson } from "@/lib/server/people/add-person";

export const dynamic = "force-dynamic";

export const GET = apiRoute(USERS_ENDPOINTS.list, async ({ user }) => ({ users: await listUsers(user) }));

export const POST = apiRoute(USERS_ENDPOINTS.create, async ({ user, body }) => {
  const added = await addPerson(user, {
    projectSlug: body.project,
    email: body.email,
    name: body.name,
    role: body.role,
    environmentNames: body.environments,
    password: body.password,
    tokenScopes: body.tokenScopes,
  });
  return { ...added, invitation: added.invitation && { url: added.invitation.url, expiresAt: added.invitation.expiresAt.toISOString() } };
});
