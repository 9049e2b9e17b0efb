import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { tokenAllows, ZTokenScope, type TokenScope } from "@/lib/auth/token-scopes";
import { tokenState, type TokenState } from "@/lib/auth/token-state";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TokenProject = { id: string; slug: string; name: string };

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  /** "personal" (made by its owner) or "service" (made by an admin for someone else). */
  kind: string;
  scopes: TokenScope[];
  owner: { id: string; name: string; email: string; kind: string };
  /** The projects the token is limited to; empty = every project of its owner. */
  projects: TokenProject[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
  state: TokenState;
  /** Decided as revokeApiToken decides: the owner, a site admin, or an admin of every project the token reaches. */
  mayRevoke: boolean;
};

/** Someone the viewer may make a token for, and the projects they may give it. */
export type TokenOwnerOption = {
  id: string;
  name: string;
  email: string;
  kind: string;
  projects: TokenProject[];
  /** The viewer administers every project of this person, so "all projects" is theirs to give. */
  mayChooseAll: boolean;
};

const TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  kind: true,
  scopes: true,
  projectIds: true,
  expiresAt: true,
  lastUsedAt: true,
  createdAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, email: true, kind: true, memberships: { select: { projectId: true } } } },
} as const satisfies Prisma.ApiTokenSelect;

type StoredToken = Prisma.ApiTokenGetPayload<{ select: typeof TOKEN_SELECT }>;

/** Who may manage tokens of whom: the viewer's id, whether they are a site admin, and the projects they administer. */
type Manager = { id: string; siteAdmin: boolean; administered: ReadonlySet<string> };

/**
 * The rule of revokeApiToken, for lists: the owner; a site admin; or an admin of every project
 * the token reaches (its own list, else every project of its owner — so an unrestricted token
 * of someone in a project the viewer does not administer stays out of reach).
 */
export function mayManageToken(viewer: Manager, token: { ownerId: string; projectIds: readonly string[]; ownerProjectIds: readonly string[] }): boolean {
  if (token.ownerId === viewer.id || viewer.siteAdmin) return true;
  const reach = token.projectIds.length ? token.projectIds : token.ownerProjectIds;
  return reach.length > 0 && reach.every((id) => viewer.administered.has(id));
}

async function managerOf(user: CurrentUser): Promise<Manager> {
  const memberships = await db().membership.findMany({ where: { userId: user.id, user: { deactivatedAt: null } }, select: { projectId: true, role: true } });
  const administered = memberships.filter((m) => can(m.role, "settings.manage") && tokenAllows(user.token, m.projectId, "settings.manage")).map((m) => m.projectId);
  const siteAdmin = Boolean(user.siteAdmin) && (!user.token || user.token.scopes.includes("admin"));
  return { id: user.id, siteAdmin, administered: new Set(administered) };
}

async function projectsById(ids: Iterable<string>): Promise<Map<string, TokenProject>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const projects = await db().project.findMany({ where: { id: { in: unique } }, select: { id: true, slug: true, name: true } });
  return new Map(projects.map((p) => [p.id, p]));
}

async function toRows(tokens: StoredToken[], viewer: Manager, now: Date): Promise<TokenRow[]> {
  const projects = await projectsById(tokens.flatMap((t) => t.projectIds));
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    kind: t.kind,
    scopes: t.scopes.flatMap((s) => {
      const parsed = ZTokenScope.safeParse(s);
      return parsed.success ? [parsed.data] : [];
    }),
    owner: { id: t.user.id, name: t.user.name, email: t.user.email, kind: t.user.kind },
    // A project deleted since the token was made no longer exists to be reached: it is left out.
    projects: t.projectIds.flatMap((id) => projects.get(id) ?? []),
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    createdAt: t.createdAt,
    revokedAt: t.revokedAt,
    state: tokenState(t, now),
    mayRevoke: mayManageToken(viewer, { ownerId: t.user.id, projectIds: t.projectIds, ownerProjectIds: t.user.memberships.map((m) => m.projectId) }),
  }));
}

// Newest first, active before revoked: what a person looks for first.
const TOKEN_ORDER = [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }] as const satisfies Prisma.ApiTokenOrderByWithRelationInput[];

/** The viewer's own tokens, whatever their state. */
export async function ownTokens(user: CurrentUser, now = new Date()): Promise<TokenRow[]> {
  const tokens = await db().apiToken.findMany({ where: { userId: user.id }, orderBy: TOKEN_ORDER, select: TOKEN_SELECT });
  return toRows(tokens, await managerOf(user), now);
}

/** Most tokens a list shows: an install with more is better served by the audit log's filters. */
export const MANAGED_TOKENS_LIMIT = 500;

/**
 * Tokens of other people that reach a project the viewer administers (every other token, for a
 * site admin): the service accounts of CI bots, say. Each says whether the viewer may revoke it.
 */
export async function managedTokens(user: CurrentUser, now = new Date()): Promise<TokenRow[]> {
  const viewer = await managerOf(user);
  if (!viewer.siteAdmin && viewer.administered.size === 0) return [];
  const administered = [...viewer.administered];
  const where: Prisma.ApiTokenWhereInput = viewer.siteAdmin
    ? { userId: { not: user.id } }
    : {
        userId: { not: user.id },
        OR: [
          { projectIds: { hasSome: administered } },
          { projectIds: { isEmpty: true }, user: { memberships: { some: { projectId: { in: administered } } } } },
        ],
      };
  const tokens = await db().apiToken.findMany({ where, orderBy: TOKEN_ORDER, take: MANAGED_TOKENS_LIMIT, select: TOKEN_SELECT });
  return toRows(tokens, viewer, now);
}

/**
 * Whom the viewer may make a token for, first themselves: their own projects; then, for an
 * admin, every active member of the projects they administer, with those of the member's
 * projects the viewer administers (all of the member's, for a site admin).
 */
export async function tokenOwnerOptions(user: CurrentUser): Promise<TokenOwnerOption[]> {
  const viewer = await managerOf(user);
  const self = await db().user.findUniqueOrThrow({
    where: { id: user.id },
    select: { id: true, name: true, email: true, kind: true, memberships: { select: { project: { select: { id: true, slug: true, name: true } } } } },
  });
  const byName = (a: TokenProject, b: TokenProject) => a.name.localeCompare(b.name);
  const options: TokenOwnerOption[] = [{ ...self, projects: self.memberships.map((m) => m.project).sort(byName), mayChooseAll: true }];
  if (!viewer.siteAdmin && viewer.administered.size === 0) return options;
  const members = await db().user.findMany({
    where: {
      id: { not: user.id },
      deactivatedAt: null,
      memberships: { some: viewer.siteAdmin ? {} : { projectId: { in: [...viewer.administered] } } },
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, kind: true, memberships: { select: { project: { select: { id: true, slug: true, name: true } } } } },
  });
  for (const member of members) {
    const all = member.memberships.map((m) => m.project);
    const projects = viewer.siteAdmin ? all : all.filter((p) => viewer.administered.has(p.id));
    options.push({ id: member.id, name: member.name, email: member.email, kind: member.kind, projects: projects.sort(byName), mayChooseAll: projects.length === all.length });
  }
  return options;
}

/** One token as a list shows it, for someone who may manage it (its owner, or an admin over it); anyone else learns nothing. */
export async function tokenRowOf(user: CurrentUser, tokenId: string, now = new Date()): Promise<TokenRow> {
  const token = await db().apiToken.findUnique({ where: { id: tokenId }, select: TOKEN_SELECT });
  const [row] = token ? await toRows([token], await managerOf(user), now) : [];
  if (!row?.mayRevoke) throw new AppError("NOT_FOUND", "No such API token.");
  return row;
}

/** The ids of the owner's projects with these slugs; a slug that is not one of theirs is named, whether or not it exists. */
export async function ownerProjectIds(ownerId: string, slugs: readonly string[]): Promise<string[]> {
  const unique = [...new Set(slugs)];
  const memberships = await db().membership.findMany({ where: { userId: ownerId, project: { slug: { in: unique } } }, select: { project: { select: { id: true, slug: true } } } });
  const bySlug = new Map(memberships.map((m) => [m.project.slug, m.project.id]));
  const foreign = unique.find((slug) => !bySlug.has(slug));
  if (foreign) throw new AppError("BAD_INPUT", `projects: "${foreign}" is not a project the token's owner belongs to.`);
  return unique.map((slug) => bySlug.get(slug)!);
}
