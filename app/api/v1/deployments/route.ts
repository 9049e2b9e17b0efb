import { apiRoute } from "@/lib/api/route";
import { DEPLOYMENTS_ENDPOINTS } from "@/lib/api/endpoints/deployments";
import { listDeployments } from "@/lib/server/history";
import { deployRequest } from "@/lib/server/deployments";
import { deploymentUrl, environmentIdByName, requestByNumber } from "@/lib/server/references";

export const dynamic = "force-dynamic";

/** The deploy history the caller may read, newest first, 50 a page. */
export const GET = apiRoute(DEPLOYMENTS_ENDPOINTS.list, async ({ user, query }) => {
  const { entries, total, page, pageCount } = await listDeployments(user, query);
  return {
    deployments: entries.map((d) => ({
      id: d.id,
      status: d.status,
      project: d.project,
      environment: d.environment,
      request: d.request,
      startedBy: d.startedBy.email,
      createdAt: d.createdAt,
      startedAt: d.startedAt,
      finishedAt: d.finishedAt,
      error: d.error,
      url: deploymentUrl(d.id),
    })),
    page,
    pageCount,
    total,
  };
});

/** Queues (or schedules) a deploy of request #N to an environment named as people name it. */
export const POST = apiRoute(DEPLOYMENTS_ENDPOINTS.start, async ({ user, body }) => {
  const request = await requestByNumber(body.request);
  const environmentId = await environmentIdByName(request.projectId, body.environment);
  const deployment = await deployRequest(user, {
    requestId: request.id,
    environmentId,
    runAt: body.runAt ? new Date(body.runAt) : undefined,
    breakGlassReason: body.breakGlassReason,
  });
  return { deployment: { id: deployment.id, status: deployment.status, environment: body.environment, runAt: deployment.runAt, url: deploymentUrl(deployment.id) } };
});
