import { describe, expect, it } from "vitest";
import { ACTIONS, can, PERMISSIONS } from "./permissions";
import { SCOPE_ACTIONS, SCOPE_LABELS, scopeAllows, TOKEN_SCOPES, tokenAllows, tokenAllowsSiteAdmin, type TokenGrant } from "./token-scopes";

const grant = (scopes: TokenGrant["scopes"], projectIds: string[] = []): TokenGrant => ({ id: "t1", scopes, projectIds });

describe("token scopes", () => {
  it("give every action to exactly one scope, so no action escapes scoping", () => {
    for (const action of ACTIONS) {
      const owners = TOKEN_SCOPES.filter((scope) => (SCOPE_ACTIONS[scope] as readonly string[]).includes(action));
      expect(owners, action).toHaveLength(1);
    }
  });

  it("have a label each", () => {
    for (const scope of TOKEN_SCOPES) expect(SCOPE_LABELS[scope]).toMatch(/\w/);
  });

  it("allow only their own actions", () => {
    expect(scopeAllows(["read"], "history.read")).toBe(true);
    expect(scopeAllows(["read"], "deploy.start")).toBe(false);
    expect(scopeAllows(["deploy"], "history.read")).toBe(false);
    expect(scopeAllows(["deploy"], "deploy.stop")).toBe(true);
    expect(scopeAllows(["approve"], "request.reject")).toBe(true);
    expect(scopeAllows(["submit"], "request.approve")).toBe(false);
    expect(scopeAllows([], "history.read")).toBe(false);
  });

  it("never widen a role: the action must pass both the role and the token", () => {
    // A requester's token with the deploy scope still cannot deploy beyond dev: the role says no first.
    expect(can("requester", "deploy.start") && tokenAllows(grant(["deploy"]), "p1", "deploy.start")).toBe(false);
    for (const role of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      for (const action of ACTIONS) {
        if (!can(role, action)) expect(can(role, action) && tokenAllows(grant([...TOKEN_SCOPES]), "p1", action)).toBe(false);
      }
    }
  });

  it("limit a token to its projects; an empty list means every project of its owner", () => {
    expect(tokenAllows(grant(["read"], ["p1"]), "p1", "history.read")).toBe(true);
    expect(tokenAllows(grant(["read"], ["p1"]), "p2", "history.read")).toBe(false);
    expect(tokenAllows(grant(["read"]), "p2", "history.read")).toBe(true);
    // No project in question (an install-wide check): only the scope matters.
    expect(tokenAllows(grant(["read"], ["p1"]), null, "history.read")).toBe(true);
  });

  it("let a session (no token) through, and install-wide administration only with the admin scope", () => {
    expect(tokenAllows(undefined, "p1", "settings.manage")).toBe(true);
    expect(tokenAllowsSiteAdmin(undefined)).toBe(true);
    expect(tokenAllowsSiteAdmin(grant(["admin"]))).toBe(true);
    expect(tokenAllowsSiteAdmin(grant(["read", "submit", "approve", "deploy"]))).toBe(false);
  });
});
