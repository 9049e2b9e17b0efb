import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/roles";
import type { DeploymentStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import { readableProjects } from "./readable-projects";

/** Statuses a request can be "waiting" in: not yet approved and not closed. */
export const PENDING_REQUEST_STATUSES = ["draft", "in_review", "changes_requested"] as const satisfies readonly RequestStatus[];
export const FAILED_DEPLOY_WINDOW_DAYS = 7;

export type DashboardCounts = {
  pending: number;
  awaitingApproval: number;
  deploying: number;
  failedRequests: number;
  failedDeploysRecent: number;
};

export type RecentDeploy = {
  id: string;
  status: DeploymentStatus;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  requestNumber: number;
  requestTitle: string;
  projectName: string;
  environmentName: string;
  startedBy: string;
};

export type EnvironmentSummary = {
  id: string;
  projectName: string;
  name: string;
  position: number;
  lastDeploy: { id: string; status: DeploymentStatus; finishedAt: Date | null; createdAt: Date; requestNumber: number } | null;
  deploysLast7Days: number;
  failedLast7Days: number;
};

export type Dashboard = {
  projectCount: number;
  counts: DashboardCounts;
  recentDeploys: RecentDeploy[];
  environments: EnvironmentSummary[];
};

export async function loadDashboard(user: CurrentUser, now = new Date()): Promise<Dashboard> {
  const projects = await readableProjects(user, "history.read");
  const projectIds = projects.map((p) => p.id);
  const since = new Date(now.getTime() - FAILED_DEPLOY_WINDOW_DAYS * 24 * 3600 * 1000);
  const inProjects = { projectId: { in: projectIds } };
  const deploysInProjects = { request: inProjects };

  const [byStatus, failedDeploysRecent, recent, perEnvironment] = await Promise.all([
    db().migrationRequest.groupBy({ by: ["status"], where: inProjects, _count: { _all: true } }),
    db().deployment.count({ where: { ...deploysInProjects, status: "failed", createdAt: { gte: since } } }),
    db().deployment.findMany({
      where: deploysInProjects,
      orderBy: { createdAt: "desc" },
      take: 10,
      select: {
        id: true,
        status: true,
        createdAt: true,
        startedAt: true,
        finishedAt: true,
        request: { select: { number: true, title: true, project: { select: { name: true } } } },
        environment: { select: { name: true } },
        startedBy: { select: { name: true } },
      },
    }),
    db().deployment.groupBy({
      by: ["environmentId", "status"],
      where: { ...deploysInProjects, createdAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);

  const countOf = (...statuses: RequestStatus[]) => byStatus.filter((g) => statuses.includes(g.status)).reduce((sum, g) => sum + g._count._all, 0);

  const environments = projects.flatMap((p) => p.environments.map((e) => ({ ...e, projectName: p.name })));
  const lastDeploys = await Promise.all(
    environments.map((e) =>
      db().deployment.findFirst({
        where: { environmentId: e.id },
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true, finishedAt: true, createdAt: true, request: { select: { number: true } } },
      }),
    ),
  );

  return {
    projectCount: projects.length,
    counts: {
      pending: countOf(...PENDING_REQUEST_STATUSES),
      awaitingApproval: countOf("in_review"),
      deploying: countOf("deploying"),
      failedRequests: countOf("failed"),
      failedDeploysRecent,
    },
    recentDeploys: recent.map((d) => ({
      id: d.id,
      status: d.status,
      createdAt: d.createdAt,
      startedAt: d.startedAt,
      finishedAt: d.finishedAt,
      requestNumber: d.request.number,
      requestTitle: d.request.title,
      projectName: d.request.project.name,
      environmentName: d.environment.name,
      startedBy: d.startedBy.name,
    })),
    environments: environments.map((e, i) => {
      const last = lastDeploys[i];
      const groups = perEnvironment.filter((g) => g.environmentId === e.id);
      return {
        id: e.id,
        projectName: e.projectName,
        name: e.name,
        position: e.position,
        lastDeploy: last ? { id: last.id, status: last.status, finishedAt: last.finishedAt, createdAt: last.createdAt, requestNumber: last.request.number } : null,
        deploysLast7Days: groups.reduce((sum, g) => sum + g._count._all, 0),
        failedLast7Days: groups.filter((g) => g.status === "failed").reduce((sum, g) => sum + g._count._all, 0),
      };
    }),
  };
}

/** Run time of a deployment, or null while it has not both started and finished. */
export function deployDurationMs(d: { startedAt: Date | null; finishedAt: Date | null }): number | null {
  return d.startedAt && d.finishedAt ? d.finishedAt.getTime() - d.startedAt.getTime() : null;
}
