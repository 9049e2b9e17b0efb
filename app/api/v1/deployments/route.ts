import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { ZHistoryFilters, listDeployments } from "@/lib/server/history";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/deployments?environment=&status=&page= — the deploy history the signed-in
 * user may read, newest first, 50 a page.
 */
export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue." } }, { status: 401 });
  const filters = ZHistoryFilters.parse(Object.fromEntries(request.nextUrl.searchParams));
  const { entries, total, page, pageCount } = await listDeployments(user, filters);
  return NextResponse.json(
    {
      deployments: entries.map((d) => ({
        id: d.id,
        status: d.status,
        project: d.project,
        environment: d.environment,
        request: d.request,
        startedBy: d.startedBy.email,
        createdAt: d.createdAt.toISOString(),
        startedAt: d.startedAt?.toISOString() ?? null,
        finishedAt: d.finishedAt?.toISOString() ?? null,
        error: d.error,
      })),
      page,
      pageCount,
      total,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
