import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { REQUESTS_ENDPOINTS } from "@/lib/api/endpoints/requests";
import { SUBMISSIONS_ENDPOINTS } from "@/lib/api/endpoints/submissions";
import { listRequestSummaries } from "@/lib/server/request-summaries";
import { submitMigrations } from "@/lib/server/submissions";

export const dynamic = "force-dynamic";

/** GET /api/v1/requests — the requests the caller may read, newest first, in keyset pages. */
export const GET = apiRoute(REQUESTS_ENDPOINTS.list, async ({ user, query }) =>
  listRequestSummaries(user, { project: query.project, statuses: query.status, branch: query.branch, limit: query.limit, cursor: query.cursor }),
);

/** POST /api/v1/requests — a pipeline's migrations folder: 201 when it opened a request, 200 when it updated one or nothing was pending. */
export const POST = apiRoute(SUBMISSIONS_ENDPOINTS.submit, async ({ user, body }) => {
  const result = await submitMigrations(user, body);
  return NextResponse.json(result, { status: result.created ? 201 : 200, headers: { "Cache-Control": "no-store" } });
});
