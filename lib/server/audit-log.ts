import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isRealDay } from "@/lib/format/day";
import type { CurrentUser } from "@/lib/auth/roles";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { firstBrokenLink } from "@/lib/audit/chain";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readableProjects } from "./readable-projects";

export const AUDIT_PAGE_SIZE = 50;

const optionalText = z
  .string()
  .trim()
  .max(200)
  // PostgreSQL refuses NUL in text: such a filter is dropped rather than failing the page.
  .regex(/^[^\u0000]*$/)
  .optional()
  .transform((v) => v || undefined)
  .catch(undefined);

export const ZAuditFilters = z.object({
  actor: optionalText,
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  subjectType: optionalText,
  subjectId: optionalText,
  from: z.string().refine(isRealDay).optional().catch(undefined),
  to: z.string().refine(isRealDay).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

export type AuditRow = {
  id: string;
  createdAt: Date;
  actorEmail: string;
  action: string;
  subjectType: string;
  subjectId: string;
  project: string | null;
  before: unknown;
  after: unknown;
  metadata: unknown;
  /** Where the subject can be looked at, when Sluice has a page for it. */
  subjectHref: string | null;
  subjectLabel: string | null;
};

export type ChainVerdict = { intact: true; events: number } | { intact: false; events: number; brokenAt: string };

export type AuditPage = {
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
  subjectTypes: string[];
  readableProjectCount: number;
};

/**
 * Which events the viewer may read: those of projects where their role has audit.read,
 * plus project-less events (sign-ins) about themselves — or all of those when they manage
 * or administer some project, since watching sign-ins is part of that job.
 */
async function visibility(user: CurrentUser): Promise<{ where: Prisma.AuditEventWhereInput; projectNames: Map<string, string>; projectCount: number; projects: { id: string; slug: string }[] }> {
  const projects = await readableProjects(user, "audit.read");
  const overseer = projects.some((p) => p.role === "manager" || p.role === "admin");
  const projectLess: Prisma.AuditEventWhereInput = overseer
    ? { projectId: null }
    : { projectId: null, OR: [{ actorId: user.id }, { subjectType: "user", subjectId: user.id }] };
  return {
    where: { OR: [{ projectId: { in: projects.map((p) => p.id) } }, projectLess] },
    projectNames: new Map(projects.map((p) => [p.id, p.name])),
    projectCount: projects.length,
    projects,
  };
}

function filterWhere(filters: Partial<Omit<TAuditFilters, "page">>): Prisma.AuditEventWhereInput[] {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.actor) and.push({ actorEmail: { contains: filters.actor, mode: "insensitive" } });
  if (filters.action) and.push({ action: filters.action });
  if (filters.subjectType) and.push({ subjectType: filters.subjectType });
  if (filters.subjectId) and.push({ subjectId: filters.subjectId });
  if (filters.from) and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00.000Z`) } });
  if (filters.to) {
    // Inclusive: every event on the `to` day, in UTC like every time Sluice shows.
    const end = new Date(`${filters.to}T00:00:00.000Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    and.push({ createdAt: { lt: end } });
  }
  return and;
}

async function subjectLinks(rows: { subjectType: string; subjectId: string }[]): Promise<Map<string, { href: string; label: string }>> {
  const links = new Map<string, { href: string; label: string }>();
  const requestIds = [...new Set(rows.filter((r) => r.subjectType === "request").map((r) => r.subjectId))];
  const deploymentIds = [...new Set(rows.filter((r) => r.subjectType === "deployment").map((r) => r.subjectId))];
  const [requests, deployments] = await Promise.all([
    requestIds.length ? db().migrationRequest.findMany({ where: { id: { in: requestIds } }, select: { id: true, number: true } }) : [],
    deploymentIds.length
      ? db().deployment.findMany({ where: { id: { in: deploymentIds } }, select: { id: true, request: { select: { number: true } }, environment: { select: { name: true } } } })
      : [],
  ]);
  for (const r of requests) links.set(`request:${r.id}`, { href: `/requests/${r.number}`, label: `Request #${r.number}` });
  for (const d of deployments) links.set(`deployment:${d.id}`, { href: `/history/${d.id}`, label: `Deploy of #${d.request.number} to ${d.environment.name}` });
  return links;
}

/** One page of the audit log the viewer may read, newest first. */
export async function listAuditEvents(user: CurrentUser, filters: TAuditFilters): Promise<AuditPage> {
  const { where: visible, projectNames, projectCount } = await visibility(user);
  const where: Prisma.AuditEventWhereInput = { AND: [visible, ...filterWhere(filters)] };
  const [total, subjectTypes] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ where: visible, distinct: ["subjectType"], select: { subjectType: true }, orderBy: { subjectType: "asc" } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const events = await db().auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: { id: true, createdAt: true, actorEmail: true, action: true, subjectType: true, subjectId: true, projectId: true, before: true, after: true, metadata: true },
  });
  const links = await subjectLinks(events);
  return {
    rows: events.map((e) => {
      const link = links.get(`${e.subjectType}:${e.subjectId}`);
      return {
        id: String(e.id),
        createdAt: e.createdAt,
        actorEmail: e.actorEmail,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        project: e.projectId ? (projectNames.get(e.projectId) ?? null) : null,
        before: e.before,
        after: e.after,
        metadata: e.metadata,
        subjectHref: link?.href ?? null,
        subjectLabel: link?.label ?? null,
      };
    }),
    total,
    page,
    pageCount,
    subjectTypes: subjectTypes.map((s) => s.subjectType),
    readableProjectCount: projectCount,
  };
}

export const AUDIT_API_MAX_LIMIT = 100;

export type AuditApiEvent = {
  id: string;
  createdAt: Date;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  /** The project's slug; null for install-wide events (sign-ins, people, tokens). */
  project: string | null;
  before: unknown;
  after: unknown;
  metadata: unknown;
};

/**
 * The audit log the viewer may read, newest first, `limit` events older than `cursor` (an event
 * id): keyset pages, so events written while a client pages through never shift or repeat one.
 * `project` (a slug) narrows to one readable project.
 */
export async function auditEventsPage(
  user: CurrentUser,
  filters: Partial<Omit<TAuditFilters, "page">> & { project?: string },
  page: { cursor?: bigint; limit: number },
): Promise<{ events: AuditApiEvent[]; nextCursor: string | null }> {
  const { where: visible, projects } = await visibility(user);
  let scope = visible;
  if (filters.project) {
    const project = projects.find((p) => p.slug === filters.project);
    if (!project) throw new AppError("NOT_FOUND", `project: no project "${filters.project}" whose audit log you may read.`);
    scope = { projectId: project.id };
  }
  const limit = Math.min(Math.max(1, page.limit), AUDIT_API_MAX_LIMIT);
  const events = await db().auditEvent.findMany({
    where: { AND: [scope, ...filterWhere(filters), ...(page.cursor !== undefined ? [{ id: { lt: page.cursor } }] : [])] },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { id: true, createdAt: true, actorEmail: true, action: true, subjectType: true, subjectId: true, projectId: true, before: true, after: true, metadata: true },
  });
  const shown = events.slice(0, limit);
  const slugs = new Map(projects.map((p) => [p.id, p.slug]));
  return {
    events: shown.map((e) => ({
      id: String(e.id),
      createdAt: e.createdAt,
      actor: e.actorEmail,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      project: e.projectId ? (slugs.get(e.projectId) ?? null) : null,
      before: e.before,
      after: e.after,
      metadata: e.metadata,
    })),
    nextCursor: events.length > limit ? String(shown[shown.length - 1].id) : null,
  };
}

/**
 * Verifies the whole hash chain, oldest first. The chain spans every project, so it is
 * checked in full whatever the viewer may read; only the verdict and an event id leave here.
 */
export async function verifyAuditChain(): Promise<ChainVerdict> {
  const events = await db().auditEvent.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      createdAt: true,
      actorId: true,
      actorEmail: true,
      action: true,
      subjectType: true,
      subjectId: true,
      projectId: true,
      before: true,
      after: true,
      metadata: true,
      prevHash: true,
      hash: true,
    },
  });
  const brokenAt = firstBrokenLink(events);
  return brokenAt === null ? { intact: true, events: events.length } : { intact: false, events: events.length, brokenAt };
}

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
