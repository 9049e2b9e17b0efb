import { apiRoute } from "@/lib/api/route";
import { AUDIT_ENDPOINTS } from "@/lib/api/endpoints/audit";
import { auditEventsPage } from "@/lib/server/audit-log";

export const dynamic = "force-dynamic";

export const GET = apiRoute(AUDIT_ENDPOINTS.list, async ({ user, query }) => {
  const { cursor, limit, ...filters } = query;
  return auditEventsPage(user, filters, { cursor: cursor ? BigInt(cursor) : undefined, limit });
});
