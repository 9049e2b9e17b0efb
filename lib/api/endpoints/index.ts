import type { Endpoint } from "../endpoint";
import { APPROVALS_ENDPOINTS } from "./approvals";
import { AUDIT_ENDPOINTS } from "./audit";
import { DEPLOYMENTS_ENDPOINTS } from "./deployments";
import { ENVIRONMENTS_ENDPOINTS } from "./environments";
import { HEALTH_ENDPOINTS } from "./health";
import { META_ENDPOINTS } from "./meta";
import { PROJECTS_ENDPOINTS } from "./projects";
import { REQUESTS_ENDPOINTS } from "./requests";
import { SUBMISSIONS_ENDPOINTS } from "./submissions";
import { TOKENS_ENDPOINTS } from "./tokens";
import { USERS_ENDPOINTS } from "./users";

// Endpoint objects keep their precise zod types in their own modules; here they are only listed.
function each(group: object): Endpoint[] {
  return Object.values(group) as Endpoint[];
}

/** Every /api/v1 endpoint: what the OpenAPI document lists and the route files use. */
export const API_ENDPOINTS: Endpoint[] = [
  ...each(META_ENDPOINTS),
  ...each(PROJECTS_ENDPOINTS),
  ...each(ENVIRONMENTS_ENDPOINTS),
  ...each(USERS_ENDPOINTS),
  ...each(TOKENS_ENDPOINTS),
  ...each(REQUESTS_ENDPOINTS),
  ...each(SUBMISSIONS_ENDPOINTS),
  ...each(APPROVALS_ENDPOINTS),
  ...each(DEPLOYMENTS_ENDPOINTS),
  ...each(AUDIT_ENDPOINTS),
  ...each(HEALTH_ENDPOINTS),
];
