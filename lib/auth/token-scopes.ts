import { z } from "zod";
import type { Action } from "./permissions";

/**
 * What an API token may do, on top of (never instead of) its owner's role: a token with
 * `deploy` held by a requester still cannot deploy to prod, and a deployer's `read` token
 * cannot start anything. Pure, so the UI and the server ask the same question.
 */
export const TOKEN_SCOPES = ["read", "submit", "approve", "deploy", "admin"] as const;
export const ZTokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof ZTokenScope>;

export const SCOPE_ACTIONS = {
  read: ["history.read", "audit.read", "health.read"],
  submit: ["request.create", "request.edit_own", "request.cancel_own"],
  approve: ["request.approve", "request.reject", "request.request_changes"],
  deploy: ["deploy.start", "deploy.start_dev", "deploy.stop"],
  admin: ["settings.manage"],
} as const satisfies Record<TokenScope, readonly Action[]>;

export const SCOPE_LABELS = {
  read: "Read requests, deployments, history, audit and health",
  submit: "Submit and edit own migration requests",
  approve: "Approve, reject or ask for changes",
  deploy: "Start and stop deployments",
  admin: "Manage projects, environments, people and policies",
} as const satisfies Record<TokenScope, string>;

/** The restrictions a token puts on its owner: scopes, and projects (empty = all of the owner's). */
export type TokenGrant = { id: string; scopes: readonly TokenScope[]; projectIds: readonly string[] };

export function scopeAllows(scopes: readonly TokenScope[], action: Action): boolean {
  return scopes.some((scope) => (SCOPE_ACTIONS[scope] as readonly Action[]).includes(action));
}

export function tokenAllows(token: TokenGrant | undefined, projectId: string | null, action: Action): boolean {
  if (!token) return true;
  if (!scopeAllows(token.scopes, action)) return false;
  return projectId === null || token.projectIds.length === 0 || token.projectIds.includes(projectId);
}

/** Install-wide administration (creating projects, listing every user) needs the admin scope too. */
export function tokenAllowsSiteAdmin(token: TokenGrant | undefined): boolean {
  return !token || token.scopes.includes("admin");
}
