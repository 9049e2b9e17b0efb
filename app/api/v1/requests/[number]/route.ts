import { apiRoute } from "@/lib/api/route";
import { REQUESTS_ENDPOINTS } from "@/lib/api/endpoints/requests";
import { requestStatusReport } from "@/lib/server/request-status";

export const dynamic = "force-dynamic";

export const GET = apiRoute(REQUESTS_ENDPOINTS.get, async ({ user, params }) => ({ request: await requestStatusReport(user, params.number) }));
