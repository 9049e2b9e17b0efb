import { db } from "@/lib/db";
import { can, type Action } from "@/lib/auth/permissions";
import { scopeAllows, tokenAllows } from "@/lib/auth/token-scopes";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export type ReadableProject = {
  id: string;
  slug: string;
  name: string;
  migrationsPath: string;
  /** Where its migrations come from (lib/server/projects.ts sourceMigrations). */
  sourceKind: string;
  currentSnapshotId: string | null;
  role: Role;
  /** The live promotion chain, in order. */
  environments: { id: string; name: string; position: number; databaseUrlEncrypted: string; sslRootCertEncrypted: string | null }[];
  /** Removed environments that keep deployment history: history pages still list their deploys. */
  removedEnvironments: { id: string; name: string }[];
};

/**
 * The projects whose data `action` lets this user read, decided by the same permission
 * table every action uses. Every read page starts here: a project the viewer is not a
 * member of, or whose role (or API token) lacks the permission, never reaches a query.
 */
export async function readableProjects(user: CurrentUser, action: Action): Promise<ReadableProject[]> {
  // A token without the scope is refused outright, not shown an empty page it could mistake for "nothing there".
  if (user.token && !scopeAllows(user.token.scopes, action)) throw new AppError("FORBIDDEN", `This API token's scopes do not allow ${action}.`);
  const memberships = await db().membership.findMany({
    where: { userId: user.id, user: { deactivatedAt: null } },
    select: {
      role: true,
      project: {
        select: {
          id: true,
          slug: true,
          name: true,
          migrationsPath: true,
          sourceKind: true,
          currentSnapshotId: true,
          environments: {
            orderBy: { position: "asc" },
            select: { id: true, name: true, position: true, databaseUrlEncrypted: true, sslRootCertEncrypted: true, removedAt: true },
          },
        },
      },
    },
    orderBy: { project: { name: "asc" } },
  });
  return memberships
    .filter((m) => can(m.role, action) && tokenAllows(user.token, m.project.id, action))
    .map(({ project, role }) => ({
      ...project,
      role,
      environments: project.environments.filter((e) => !e.removedAt),
      removedEnvironments: project.environments.filter((e) => e.removedAt).map(({ id, name }) => ({ id, name })),
    }));
}
