import { describe, expect, it } from "vitest";
import { approvalsToInvalidate, evaluateEdit, invalidationReason, statusAfterEdit } from "./request-edit";

const request = { requesterId: "rita", status: "approved" as const, deploymentsStarted: 0 };

describe("editing a request", () => {
  it("lets only the requester edit, before any deploy", () => {
    expect(evaluateEdit(request, { id: "rita" })).toEqual({ allowed: true });
    expect(evaluateEdit(request, { id: "alex" }).allowed).toBe(false);
    for (const status of ["deploying", "deployed", "failed", "rolled_back", "rejected", "cancelled"] as const) {
      expect(evaluateEdit({ ...request, status }, { id: "rita" }).allowed).toBe(false);
    }
    for (const status of ["draft", "in_review", "changes_requested", "approved"] as const) {
      expect(evaluateEdit({ ...request, status }, { id: "rita" }).allowed).toBe(true);
    }
    const deployedToDev = evaluateEdit({ ...request, deploymentsStarted: 1 }, { id: "rita" });
    expect(!deployedToDev.allowed && deployedToDev.reasons[0]).toMatch(/already started/);
  });
});

describe("approval invalidation", () => {
  const standing = { id: "a", invalidatedAt: null };
  const gone = { id: "b", invalidatedAt: new Date("2026-11-20T00:00:00Z") };
  it("invalidates every standing decision when the SQL changes", () => {
    expect(approvalsToInvalidate([standing, gone], { sqlChanged: true, lintChanged: false })).toEqual([standing]);
    expect(invalidationReason({ sqlChanged: true, lintChanged: true })).toBe("SQL changed");
  });
  it("invalidates them when only the down SQL changed (the rollback they reviewed is gone)", () => {
    expect(approvalsToInvalidate([standing], { sqlChanged: false, downSqlChanged: true, lintChanged: false })).toEqual([standing]);
    expect(invalidationReason({ sqlChanged: false, downSqlChanged: true, lintChanged: false })).toBe("down SQL changed");
  });
  it("invalidates them on a new lint finding alone", () => {
    expect(approvalsToInvalidate([standing], { sqlChanged: false, lintChanged: true })).toEqual([standing]);
    expect(invalidationReason({ sqlChanged: false, lintChanged: true })).toBe("new lint findings");
  });
  it("keeps them when only the title or description changed", () => {
    expect(approvalsToInvalidate([standing], { sqlChanged: false, lintChanged: false })).toEqual([]);
    expect(statusAfterEdit("approved", { sqlChanged: false, lintChanged: false })).toBe("approved");
  });
  it("sends the request back to review, and leaves a draft a draft", () => {
    for (const status of ["approved", "changes_requested", "in_review"] as const) {
      expect(statusAfterEdit(status, { sqlChanged: true, lintChanged: false })).toBe("in_review");
    }
    expect(statusAfterEdit("draft", { sqlChanged: true, lintChanged: false })).toBe("draft");
  });
});
