import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RiskLevel } from "@/lib/generated/prisma/enums";
import { readableProjects } from "./readable-projects";

export const REQUEST_LIST_MAX_LIMIT = 100;

export type RequestSummary = {
  number: number;
  title: string;
  status: RequestStatus;
  riskLevel: RiskLevel | null;
  project: string;
  branch: string | null;
  sourceCommit: string | null;
  createdAt: Date;
  url: string;
};

export type RequestSummaryFilters = {
  /** A project slug; omitted = every project the viewer may read. */
  project?: string;
  statuses?: RequestStatus[];
  branch?: string;
  limit: number;
  /** The last request number of the previous page: this page starts below it. */
  cursor?: number;
};

/** A request's page, as an absolute link for people (CLI output, pipeline logs). */
export function requestUrl(number: number): string {
  return `${publicUrl()}/requests/${number}`;
}

/**
 * Requests in the projects the viewer may read, newest first, in keyset pages by number: a
 * request created while a client pages through never shifts a page.
 */
export async function listRequestSummaries(user: CurrentUser, filters: RequestSummaryFilters): Promise<{ requests: RequestSummary[]; nextCursor: number | null }> {
  const projects = await readableProjects(user, "history.read");
  const scoped = filters.project ? projects.filter((p) => p.slug === filters.project) : projects;
  if (filters.project && scoped.length === 0) throw new AppError("NOT_FOUND", `project: no project "${filters.project}" that you may read.`);
  const limit = Math.min(Math.max(1, filters.limit), REQUEST_LIST_MAX_LIMIT);
  const where: Prisma.MigrationRequestWhereInput = {
    projectId: { in: scoped.map((p) => p.id) },
    ...(filters.statuses?.length ? { status: { in: filters.statuses } } : {}),
    ...(filters.branch ? { branch: filters.branch } : {}),
    ...(filters.cursor !== undefined ? { number: { lt: filters.cursor } } : {}),
  };
  const rows = await db().migrationRequest.findMany({
    where,
    orderBy: { number: "desc" },
    take: limit + 1,
    select: { number: true, title: true, status: true, riskLevel: true, branch: true, sourceCommit: true, createdAt: true, projectId: true },
  });
  const slugs = new Map(scoped.map((p) => [p.id, p.slug]));
  const page = rows.slice(0, limit);
  return {
    requests: page.map(({ projectId, ...r }) => ({ ...r, project: slugs.get(projectId)!, url: requestUrl(r.number) })),
    nextCursor: rows.length > limit ? page[page.length - 1].number : null,
  };
}
