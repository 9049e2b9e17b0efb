import { describe, expect, it } from "vitest";
import { can, PERMISSIONS } from "./permissions";

describe("permission table", () => {
  it("lets only approvers decide on requests", () => {
    for (const role of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(role, "request.approve")).toBe(role === "approver");
    }
  });

  it("gives managers read access and nothing else", () => {
    expect(PERMISSIONS.manager.every((a) => a.endsWith(".read"))).toBe(true);
    expect(can("manager", "deploy.start")).toBe(false);
  });

  it("denies everything without a role", () => {
    expect(can(null, "history.read")).toBe(false);
  });
});
