import { apiRoute } from "@/lib/api/route";
import { PROJECTS_ENDPOINTS } from "@/lib/api/endpoints/projects";
import { SourceError } from "@/lib/sources/source-error";
import { projectViewOf } from "@/lib/server/projects/queries";
import { refreshFromRequest } from "@/lib/server/projects/webhook";

export const dynamic = "force-dynamic";

/** A member's token, or a push webhook signed with the project's secret (lib/server/projects/webhook.ts). */
export const POST = apiRoute(PROJECTS_ENDPOINTS.refresh, async ({ user, params, request, rawBody }) => {
  const headers = request.headers;
  const { projectId, role, result } = await refreshFromRequest(user, params.slug, rawBody, {
    hubSignature: headers.get("x-hub-signature-256"),
    sluiceSignature: headers.get("x-sluice-signature"),
    gitlabToken: headers.get("x-gitlab-token"),
  });
  // Recorded on the project already; the caller (a CI job, GitHub's delivery log) sees why.
  if (!result.ok) throw new SourceError(result.failure, result.error);
  return { project: await projectViewOf(projectId, role), changed: result.changed, previousCommit: result.previousCommit, headCommit: result.headCommit };
});
