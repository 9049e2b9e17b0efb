import { apiRoute } from "@/lib/api/route";
import { APPROVALS_ENDPOINTS } from "@/lib/api/endpoints/approvals";
import { decideRequest } from "@/lib/server/requests";
import { environmentIdByName, requestByNumber } from "@/lib/server/references";

export const dynamic = "force-dynamic";

export const POST = apiRoute(APPROVALS_ENDPOINTS.decide, async ({ user, params, body }) => {
  const request = await requestByNumber(params.number);
  const environmentId = body.environment ? await environmentIdByName(request.projectId, body.environment) : null;
  const { approval } = await decideRequest(user, { requestId: request.id, decision: body.decision, comment: body.comment ?? "", environmentId });
  const after = await requestByNumber(params.number);
  return { approval: { id: approval.id, decision: approval.decision, environment: body.environment ?? null }, request: { number: after.number, status: after.status } };
});
