import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";

let fx: DeployFixture;
let revocation: typeof import("./revocation");
let db: typeof import("@/lib/db").db;

beforeAll(async () => {
  fx = await createDeployFixture();
  revocation = await import("./revocation");
  db = (await import("@/lib/db")).db;
});
afterAll(async () => {
  await fx?.drop();
});

describe("signed-out sessions", () => {
  it("are refused from the moment of sign-out, and the sign-out is audited", async () => {
    const sid = revocation.newSessionId();
    const other = revocation.newSessionId();
    expect(await revocation.isSessionRevoked(sid)).toBe(false);
    await revocation.revokeSession(sid, fx.users.requester.id, new Date(Date.now() + 3600_000));
    expect(await revocation.isSessionRevoked(sid)).toBe(true);
    expect(await revocation.isSessionRevoked(other)).toBe(false);
    const events = await db().auditEvent.findMany({ where: { action: "user.signed_out", subjectId: fx.users.requester.id } });
    expect(events).toHaveLength(1);
  });

  it("accept a second sign-out of the same session and drop rows past their expiry", async () => {
    const sid = revocation.newSessionId();
    await revocation.revokeSession(sid, fx.users.approver.id, new Date(Date.now() - 1000));
    await revocation.revokeSession(revocation.newSessionId(), fx.users.approver.id, new Date(Date.now() + 3600_000));
    expect(await revocation.isSessionRevoked(sid)).toBe(false);
  });
});
