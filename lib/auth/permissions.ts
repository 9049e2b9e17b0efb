import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Every action a user can take, and the one table saying which role may take it.
 * Server actions, API routes and the worker ask `can()`; the UI asks the same
 * function only to decide what to show.
 */
export const ACTIONS = [
  "request.create",
  "request.edit_own",
  "request.approve",
  "request.reject",
  "request.request_changes",
  "request.cancel_own",
  "deploy.start",
  "deploy.start_dev",
  "deploy.stop",
  "history.read",
  "audit.read",
  "health.read",
  "settings.manage",
] as const;

export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ["history.read", "audit.read", "health.read"];

export const PERMISSIONS = {
  requester: [...READ, "request.create", "request.edit_own", "request.cancel_own", "deploy.start_dev"],
  approver: [...READ, "request.approve", "request.reject", "request.request_changes"],
  deployer: [...READ, "deploy.start", "deploy.start_dev", "deploy.stop"],
  manager: [...READ],
  admin: [...READ, "settings.manage", "request.create", "request.edit_own", "request.cancel_own", "deploy.start", "deploy.start_dev", "deploy.stop"],
} as const satisfies Record<Role, readonly Action[]>;

export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return (PERMISSIONS[role] as readonly Action[]).includes(action);
}

export const ROLE_LABELS = {
  requester: "Requester",
  approver: "Approver",
  deployer: "Deployer",
  manager: "Manager",
  admin: "Admin",
} as const satisfies Record<Role, string>;
