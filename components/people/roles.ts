import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

/** What each role does, in the words the invite form and the member list show. */
export const ROLE_HINTS = {
  requester: "submits migration requests and deploys to the first environment",
  approver: "approves, rejects or asks for changes",
  deployer: "starts, schedules and stops deploys",
  manager: "reads everything, changes nothing",
  admin: "manages the project, its environments, policies and people",
} as const satisfies Record<Role, string>;

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export { ROLE_LABELS };
