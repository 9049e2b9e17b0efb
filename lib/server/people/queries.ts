import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/roles";
import { tokenAllowsSiteAdmin } from "@/lib/auth/token-scopes";
import type { Role } from "@/lib/generated/prisma/enums";
import { readableProjects } from "../readable-projects";
import { invitationState } from "./accept-invitation";

function actsAsSiteAdmin(actor: CurrentUser): boolean {
  return Boolean(actor.siteAdmin) && tokenAllowsSiteAdmin(actor.token);
}

/** The projects whose people this actor manages: every project for a site admin, else those they administer. */
async function managedProjectIds(actor: CurrentUser): Promise<string[]> {
  if (actsAsSiteAdmin(actor)) return (await db().project.findMany({ select: { id: true } })).map((p) => p.id);
  return (await readableProjects(actor, "settings.manage")).map((p) => p.id);
}

function namesOf(ids: readonly string[], environments: readonly { id: string; name: string }[]): string[] {
  return environments.filter((e) => ids.includes(e.id)).map((e) => e.name);
}

export type PeopleMember = {
  userId: string;
  name: string;
  email: string;
  kind: string;
  role: Role;
  environmentIds: string[];
  scope: string[];
  active: boolean;
  siteAdmin: boolean;
  mustChangePassword: boolean;
  isYou: boolean;
  /** The actor may reset this person's password (lib/server/people/account-admin.ts, same rule). */
  mayResetPassword: boolean;
};

export type PendingInvitation = { id: string; email: string; name: string; role: Role; scope: string[]; expiresAt: Date; expired: boolean; invitedBy: string };

/** /settings/people: per project the actor manages, its environments, members and open invitations. */
export async function peopleForSettings(actor: CurrentUser) {
  const projectIds = await managedProjectIds(actor);
  const projects = await db().project.findMany({
    where: { id: { in: projectIds } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      environments: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      memberships: {
        orderBy: { user: { name: "asc" } },
        select: {
          role: true,
          environmentIds: true,
          user: { select: { id: true, name: true, email: true, kind: true, siteAdmin: true, deactivatedAt: true, mustChangePassword: true, memberships: { select: { projectId: true } } } },
        },
      },
      invitations: { where: { acceptedAt: null, revokedAt: null }, orderBy: { createdAt: "desc" } },
    },
  });
  const inviters = await db().user.findMany({ where: { id: { in: projects.flatMap((p) => p.invitations.map((i) => i.createdById)) } }, select: { id: true, name: true } });
  const siteAdmin = actsAsSiteAdmin(actor);
  const mayReset = (user: { id: string; siteAdmin: boolean; kind: string; memberships: { projectId: string }[] }) =>
    user.id !== actor.id && user.kind === "person" && (siteAdmin || (!user.siteAdmin && user.memberships.every((m) => projectIds.includes(m.projectId))));
  return {
    siteAdmin,
    projects: projects.map((project) => ({
      id: project.id,
      slug: project.slug,
      name: project.name,
      environments: project.environments,
      members: project.memberships.map(
        ({ role, environmentIds, user }): PeopleMember => ({
          userId: user.id,
          name: user.name,
          email: user.email,
          kind: user.kind,
          role,
          environmentIds,
          scope: namesOf(environmentIds, project.environments),
          active: !user.deactivatedAt,
          siteAdmin: user.siteAdmin,
          mustChangePassword: user.mustChangePassword,
          isYou: user.id === actor.id,
          mayResetPassword: mayReset(user),
        }),
      ),
      invitations: project.invitations.map(
        (i): PendingInvitation => ({
          id: i.id,
          email: i.email,
          name: i.name,
          role: i.role,
          scope: namesOf(i.environmentIds, project.environments),
          expiresAt: i.expiresAt,
          expired: invitationState(i) === "expired",
          invitedBy: inviters.find((u) => u.id === i.createdById)?.name ?? "an admin",
        }),
      ),
    })),
  };
}

/** Every account of the install, for a site admin: who is active, who has no project yet. */
export async function accountsForSiteAdmin(actor: CurrentUser) {
  if (!actsAsSiteAdmin(actor)) return null;
  const users = await db().user.findMany({
    orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, name: true, email: true, kind: true, siteAdmin: true, deactivatedAt: true, mustChangePassword: true, _count: { select: { memberships: true } } },
  });
  return users.map((u) => ({
    userId: u.id,
    name: u.name,
    email: u.email,
    kind: u.kind,
    siteAdmin: u.siteAdmin,
    active: !u.deactivatedAt,
    mustChangePassword: u.mustChangePassword,
    projects: u._count.memberships,
    isYou: u.id === actor.id,
  }));
}

/**
 * GET /users: a site admin sees everyone; a project admin sees the members of the projects
 * they administer, with only those projects' memberships.
 */
export async function listUsers(actor: CurrentUser) {
  const all = actsAsSiteAdmin(actor);
  const projectIds = await managedProjectIds(actor);
  if (!all && projectIds.length === 0) throw new AppError("FORBIDDEN", "Only admins may list people: you administer no project.");
  const users = await db().user.findMany({
    where: all ? {} : { memberships: { some: { projectId: { in: projectIds } } } },
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      kind: true,
      siteAdmin: true,
      deactivatedAt: true,
      memberships: {
        where: all ? {} : { projectId: { in: projectIds } },
        orderBy: { project: { slug: "asc" } },
        select: { role: true, environmentIds: true, project: { select: { slug: true, environments: { orderBy: { position: "asc" }, select: { id: true, name: true } } } } },
      },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    kind: u.kind,
    active: !u.deactivatedAt,
    siteAdmin: u.siteAdmin,
    memberships: u.memberships.map((m) => ({ project: m.project.slug, role: m.role, environments: namesOf(m.environmentIds, m.project.environments) })),
  }));
}

/** One account as GET /users shows it, after a change (PATCH /users/{id}). */
export async function userSummary(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, kind: true, siteAdmin: true, deactivatedAt: true, mustChangePassword: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such account.");
  const { deactivatedAt, ...rest } = user;
  return { ...rest, active: !deactivatedAt };
}

/** /settings/account: the signed-in person's own account and where they belong. */
export async function accountOf(actor: CurrentUser) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      email: true,
      name: true,
      kind: true,
      siteAdmin: true,
      mustChangePassword: true,
      passwordHash: true,
      memberships: {
        orderBy: { project: { name: "asc" } },
        select: { role: true, environmentIds: true, project: { select: { name: true, environments: { orderBy: { position: "asc" }, select: { id: true, name: true } } } } },
      },
    },
  });
  const { passwordHash, memberships, ...rest } = user;
  return {
    ...rest,
    hasPassword: passwordHash !== null,
    memberships: memberships.map((m) => ({ project: m.project.name, role: m.role, scope: namesOf(m.environmentIds, m.project.environments) })),
  };
}
