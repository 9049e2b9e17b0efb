import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { DeploymentStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readableProjects } from "./readable-projects";

export const HISTORY_PAGE_SIZE = 50;

export const ZHistoryFilters = z.object({
  /** A project slug: only its deployments. */
  project: z.string().min(1).optional().catch(undefined),
  /** An environment id, or a name (every readable environment of that name, narrowed by `project`). */
  environment: z.string().min(1).optional().catch(undefined),
  status: z.enum(Object.values(DeploymentStatus) as [DeploymentStatus, ...DeploymentStatus[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});
export type THistoryFilters = z.infer<typeof ZHistoryFilters>;

export type EnvironmentOption = { id: string; label: string };

export type HistoryEntry = {
  id: string;
  status: DeploymentStatus;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  startedBy: { name: string; email: string };
  project: string;
  environment: string;
  request: { id: string; number: number; title: string };
};

export type HistoryPage = {
  entries: HistoryEntry[];
  total: number;
  page: number;
  pageCount: number;
  environments: EnvironmentOption[];
  readableProjectCount: number;
};

const ENTRY_SELECT = {
  id: true,
  status: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  error: true,
  startedBy: { select: { name: true, email: true } },
  environment: { select: { name: true } },
  request: { select: { id: true, number: true, title: true, project: { select: { name: true } } } },
} as const satisfies Prisma.DeploymentSelect;

function toEntry(d: Prisma.DeploymentGetPayload<{ select: typeof ENTRY_SELECT }>): HistoryEntry {
  return {
    id: d.id,
    status: d.status,
    createdAt: d.createdAt,
    startedAt: d.startedAt,
    finishedAt: d.finishedAt,
    error: d.error,
    startedBy: d.startedBy,
    project: d.request.project.name,
    environment: d.environment.name,
    request: { id: d.request.id, number: d.request.number, title: d.request.title },
  };
}

/** Every deployment of the projects the viewer may read, newest first. */
export async function listDeployments(user: CurrentUser, filters: THistoryFilters): Promise<HistoryPage> {
  const projects = await readableProjects(user, "history.read");
  // Removed environments stay in history under their name (the filter marks them removed).
  const environments = projects.flatMap((p) => [
    ...p.environments.map((e) => ({ id: e.id, label: `${p.name} / ${e.name}` })),
    ...p.removedEnvironments.map((e) => ({ id: e.id, label: `${p.name} / ${e.name} (removed)` })),
  ]);
  // A project or environment from the URL only narrows within what the viewer may read.
  const environmentIds = projects
    .filter((p) => !filters.project || p.slug === filters.project)
    .flatMap((p) => [...p.environments, ...p.removedEnvironments])
    .filter((e) => !filters.environment || e.id === filters.environment || e.name === filters.environment)
    .map((e) => e.id);
  const where: Prisma.DeploymentWhereInput = { environmentId: { in: environmentIds }, ...(filters.status ? { status: filters.status } : {}) };

  const total = await db().deployment.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db().deployment.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * HISTORY_PAGE_SIZE,
    take: HISTORY_PAGE_SIZE,
    select: ENTRY_SELECT,
  });
  return {
    entries: rows.map(toEntry),
    total,
    page,
    pageCount,
    environments,
    readableProjectCount: projects.length,
  };
}

export type DeploymentDetail = HistoryEntry & {
  log: string;
  appliedMigrations: string[];
  requestMigrations: string[];
  requestStatus: string;
};

/** One deployment with its log, after checking the viewer may read its project's history. */
export async function deploymentDetail(user: CurrentUser, id: string): Promise<DeploymentDetail> {
  const d = await db().deployment.findUnique({
    where: { id },
    select: {
      ...ENTRY_SELECT,
      log: true,
      appliedMigrations: true,
      request: { select: { id: true, number: true, title: true, status: true, projectId: true, project: { select: { name: true } }, migrations: { orderBy: { position: "asc" }, select: { name: true } } } },
    },
  });
  if (!d) throw new AppError("NOT_FOUND", "No such deployment.");
  await authorize(user, d.request.projectId, "history.read");
  return {
    ...toEntry(d),
    log: d.log,
    appliedMigrations: d.appliedMigrations,
    requestMigrations: d.request.migrations.map((m) => m.name),
    requestStatus: d.request.status,
  };
}

/** The first non-empty line of a deploy error: enough for a list row. */
export function firstLine(text: string | null): string | null {
  return text?.split("\n").find((line) => line.trim())?.trim() ?? null;
}
