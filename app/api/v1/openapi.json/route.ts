import { apiRoute } from "@/lib/api/route";
import { META_ENDPOINTS } from "@/lib/api/endpoints/meta";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export const GET = apiRoute(META_ENDPOINTS.openapi, async () => openApiDocument());
