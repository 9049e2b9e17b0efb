import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";

// Integration: people management against a real control plane (lib/deploy/testing.ts): one
// project with dev/staging/prod and a member per role, plus a site admin made here.
let fx: DeployFixture;
type Lib = typeof import("./invite-member") &
  typeof import("./accept-invitation") &
  typeof import("./revoke-invitation") &
  typeof import("./create-account") &
  typeof import("./update-membership") &
  typeof import("./remove-member") &
  typeof import("./set-user-active") &
  typeof import("./passwords") &
  typeof import("./queries") & {
    db: typeof import("@/lib/db").db;
    verifyCredentials: typeof import("@/lib/auth/credentials").verifyCredentials;
    roleIn: typeof import("@/lib/auth/roles").roleIn;
    createApiToken: typeof import("@/lib/server/tokens").createApiToken;
    principalOfToken: typeof import("@/lib/auth/api-tokens").principalOfToken;
    createRequest: typeof import("@/lib/server/requests").createRequest;
    decideRequest: typeof import("@/lib/server/requests").decideRequest;
    deployCheckInput: typeof import("@/lib/server/deploy-policy").deployCheckInput;
    approvalsSatisfy: typeof import("@/lib/workflow/policy").approvalsSatisfy;
    createUserRecord: typeof import("./records").createUserRecord;
    sessionStanding: typeof import("@/lib/auth/session-standing").sessionStanding;
    hashPassword: typeof import("@/lib/auth/credentials").hashPassword;
  };
let lib: Lib;
let site: { id: string; email: string; name: string; siteAdmin: true };
const PASSWORD = "a long enough password";

beforeAll(async () => {
  process.env.SLUICE_PUBLIC_URL = "https://sluice.example.test";
  fx = await createDeployFixture();
  lib = {
    ...(await import("./invite-member")),
    ...(await import("./accept-invitation")),
    ...(await import("./revoke-invitation")),
    ...(await import("./create-account")),
    ...(await import("./update-membership")),
    ...(await import("./remove-member")),
    ...(await import("./set-user-active")),
    ...(await import("./passwords")),
    ...(await import("./queries")),
    db: (await import("@/lib/db")).db,
    verifyCredentials: (await import("@/lib/auth/credentials")).verifyCredentials,
    hashPassword: (await import("@/lib/auth/credentials")).hashPassword,
    roleIn: (await import("@/lib/auth/roles")).roleIn,
    createApiToken: (await import("@/lib/server/tokens")).createApiToken,
    principalOfToken: (await import("@/lib/auth/api-tokens")).principalOfToken,
    createRequest: (await import("@/lib/server/requests")).createRequest,
    decideRequest: (await import("@/lib/server/requests")).decideRequest,
    deployCheckInput: (await import("@/lib/server/deploy-policy")).deployCheckInput,
    approvalsSatisfy: (await import("@/lib/workflow/policy")).approvalsSatisfy,
    createUserRecord: (await import("./records")).createUserRecord,
    sessionStanding: (await import("@/lib/auth/session-standing")).sessionStanding,
  };
  const passwordHash = await lib.hashPassword(PASSWORD);
  const made = await lib.db().$transaction((tx) => lib.createUserRecord(tx, { email: "site@example.test", name: "Site Admin", passwordHash, siteAdmin: true }, { id: null, email: "sluice-seed" }));
  site = { id: made.id, email: made.email, name: made.name, siteAdmin: true };
});
afterAll(async () => {
  await fx?.drop();
});

const tokenOf = (url: string) => url.split("/invite/")[1];

async function snapshot() {
  const [users, memberships, invitations, audit] = await Promise.all([
    lib.db().user.count(),
    lib.db().membership.findMany({ orderBy: { id: "asc" } }),
    lib.db().invitation.findMany({ orderBy: { id: "asc" } }),
    lib.db().auditEvent.count(),
  ]);
  return { users, memberships, invitations, audit };
}

async function invite(email: string, role: "requester" | "approver" | "deployer" | "manager" | "admin" = "requester", environmentIds: string[] = []) {
  const outcome = await lib.inviteMember(fx.users.admin, { projectId: fx.project.id, email, name: email.split("@")[0], role, environmentIds });
  if (outcome.kind !== "invited") throw new Error("expected an invitation");
  return outcome;
}

async function member(email: string, role: "requester" | "approver" | "deployer" | "manager" | "admin" = "requester", environmentIds: string[] = []) {
  const { url } = await invite(email, role, environmentIds);
  const { userId } = await lib.acceptInvitation({ token: tokenOf(url), name: email.split("@")[0], password: PASSWORD });
  return { id: userId, email, name: email.split("@")[0] };
}

describe("invitations", () => {
  it("are for admins only; a refused one stores nothing", async () => {
    const before = await snapshot();
    for (const actor of [fx.users.deployer, fx.users.approver, fx.users.manager]) {
      await expect(lib.inviteMember(actor, { projectId: fx.project.id, email: "x@example.test", name: "X", role: "requester" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(lib.inviteMember(fx.users.admin, { projectId: fx.project.id, email: "nope", name: "X", role: "requester" })).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringMatching(/^email: /) });
    await expect(lib.inviteMember(fx.users.admin, { projectId: fx.project.id, email: "x@example.test", name: "X", role: "owner" as never })).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringMatching(/^role: must be one of/) });
    await expect(lib.inviteMember(fx.users.admin, { projectId: fx.project.id, email: "x@example.test", name: "X", role: "deployer", environmentIds: [fx.environments.prod.id] })).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringContaining("approver role only") });
    await expect(lib.inviteMember(fx.users.admin, { projectId: fx.project.id, email: "x@example.test", name: "X", role: "approver", environmentIds: ["not-an-environment"] })).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(await snapshot()).toEqual(before);
  });

  it("stores only the link's hash, expires in seven days, is audited without the secret, and shows who invited to what", async () => {
    const outcome = await invite("newcomer@example.test", "approver", [fx.environments.staging.id]);
    expect(outcome.url).toMatch(/^https:\/\/sluice\.example\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    const stored = await lib.db().invitation.findUniqueOrThrow({ where: { id: outcome.invitationId } });
    expect(stored.tokenHash).not.toContain(tokenOf(outcome.url));
    expect(Math.abs(stored.expiresAt.getTime() - Date.now() - 7 * 24 * 3600_000)).toBeLessThan(60_000);
    const event = await lib.db().auditEvent.findFirstOrThrow({ where: { action: "user.invited", subjectId: stored.id } });
    expect(event.after).toMatchObject({ email: "newcomer@example.test", role: "approver", environments: ["staging"] });
    expect(JSON.stringify([event.before, event.after, event.metadata])).not.toContain(tokenOf(outcome.url));

    const view = await lib.invitationForLink(tokenOf(outcome.url));
    expect(view).toMatchObject({ state: "pending", email: "newcomer@example.test", projectName: "Fixture", role: "approver", inviterName: "admin", environments: ["staging"] });
    expect(await lib.invitationForLink("not-a-real-token")).toBeNull();
  });

  it("accepting creates the account and membership at once, and the link then works no more", async () => {
    const { url, invitationId } = await invite("acceptor@example.test", "approver", [fx.environments.staging.id]);
    const before = await snapshot();
    await expect(lib.acceptInvitation({ token: tokenOf(url), name: "Acceptor", password: "short" })).rejects.toMatchObject({ code: "BAD_INPUT", message: "password: must be at least 12 characters." });
    expect(await snapshot()).toEqual(before);

    const { userId } = await lib.acceptInvitation({ token: tokenOf(url), name: "Acceptor", password: PASSWORD });
    const user = await lib.db().user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
    expect(user).toMatchObject({ email: "acceptor@example.test", name: "Acceptor", kind: "person", siteAdmin: false });
    expect(user.memberships).toMatchObject([{ projectId: fx.project.id, role: "approver", environmentIds: [fx.environments.staging.id] }]);
    expect(await lib.verifyCredentials("acceptor@example.test", PASSWORD)).toMatchObject({ id: userId });
    expect(await lib.db().invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ acceptedUserId: userId });
    const actions = (await lib.db().auditEvent.findMany({ where: { actorId: userId }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.created", "membership.created", "user.invitation_accepted", "user.signed_in"]);

    const after = await snapshot();
    await expect(lib.acceptInvitation({ token: tokenOf(url), name: "Again", password: PASSWORD })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already used") });
    expect(await snapshot()).toEqual(after);
  });

  it("two tabs accepting the same link make one account", async () => {
    const { url } = await invite("twotabs@example.test");
    const results = await Promise.allSettled([0, 1].map(() => lib.acceptInvitation({ token: tokenOf(url), name: "Two", password: PASSWORD })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await lib.db().user.count({ where: { email: "twotabs@example.test" } })).toBe(1);
  });

  it("an expired, revoked or unknown link stores nothing and says why", async () => {
    const expired = await invite("late@example.test");
    await lib.db().invitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await invite("withdrawn@example.test");
    await expect(lib.revokeInvitation(fx.users.deployer, revoked.invitationId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await lib.revokeInvitation(fx.users.admin, revoked.invitationId);
    expect(await lib.db().auditEvent.count({ where: { action: "user.invitation_revoked", subjectId: revoked.invitationId } })).toBe(1);

    const before = await snapshot();
    await expect(lib.acceptInvitation({ token: tokenOf(expired.url), name: "Late", password: PASSWORD })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("expired") });
    await expect(lib.acceptInvitation({ token: tokenOf(revoked.url), name: "W", password: PASSWORD })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("revoked") });
    await expect(lib.acceptInvitation({ token: "made-up-token", name: "W", password: PASSWORD })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
    expect((await lib.invitationForLink(tokenOf(expired.url)))?.state).toBe("expired");
  });

  it("inviting again replaces the pending link; an existing account is added at once, and only once", async () => {
    const first = await invite("twice@example.test");
    const second = await invite("twice@example.test");
    await expect(lib.acceptInvitation({ token: tokenOf(first.url), name: "T", password: PASSWORD })).rejects.toMatchObject({ message: expect.stringContaining("revoked") });
    await lib.acceptInvitation({ token: tokenOf(second.url), name: "T", password: PASSWORD });

    const other = await lib.db().project.create({ data: { slug: `other-${Date.now()}`, name: "Other" } });
    await lib.db().membership.create({ data: { projectId: other.id, userId: fx.users.admin.id, role: "admin" } });
    const added = await lib.inviteMember(fx.users.admin, { projectId: other.id, email: "TWICE@example.test", name: "ignored", role: "deployer" });
    expect(added).toMatchObject({ kind: "added", email: "twice@example.test" });
    expect(await lib.roleIn(added.kind === "added" ? added.userId : "", other.id)).toBe("deployer");
    await expect(lib.inviteMember(fx.users.admin, { projectId: other.id, email: "twice@example.test", name: "x", role: "deployer" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already a member") });
  });
});

describe("approver scope", () => {
  it("an approver scoped to staging can approve for staging but not for prod, and their approval counts only there", async () => {
    const lead = await member("lead@example.test", "approver", [fx.environments.staging.id]);
    const table = `scope_${Date.now().toString(36)}`;
    const request = await lib.createRequest(fx.users.requester, { projectId: fx.project.id, title: "scoped approval", pasted: { name: `20260101000000_${table}`, sql: `CREATE TABLE "${table}" (id int PRIMARY KEY);`, downSql: `DROP TABLE "${table}";` }, submit: true });
    await expect(lib.decideRequest(lead, { requestId: request.id, decision: "approved", environmentId: fx.environments.prod.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("You approve only for staging") });
    await lib.decideRequest(lead, { requestId: request.id, decision: "approved", environmentId: fx.environments.staging.id });
    const at = async (env: "staging" | "prod") => {
      const input = await lib.deployCheckInput(request.id, fx.environments[env].id, fx.users.deployer);
      return lib.approvalsSatisfy(input.request, input.environment.id, input.approvals, input.policy);
    };
    expect(await at("staging")).toBe(true);
    expect(await at("prod")).toBe(false);

    // Widening the scope to every environment (empty) is a change the admin makes, audited.
    await lib.updateMembership(fx.users.admin, { projectId: fx.project.id, userId: lead.id, role: "approver", environmentIds: [] });
    const event = await lib.db().auditEvent.findFirstOrThrow({ where: { action: "membership.updated", subjectId: lead.id }, orderBy: { id: "desc" } });
    expect(event.before).toMatchObject({ role: "approver", environments: ["staging"] });
    expect(event.after).toMatchObject({ role: "approver", environments: [] });
  });
});

describe("roles and membership", () => {
  it("changes a role with before and after in the audit, and never leaves a project without an admin", async () => {
    const person = await member("roles@example.test", "requester");
    await expect(lib.updateMembership(fx.users.deployer, { projectId: fx.project.id, userId: person.id, role: "deployer" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await lib.updateMembership(fx.users.admin, { projectId: fx.project.id, userId: person.id, role: "deployer" });
    expect(await lib.roleIn(person.id, fx.project.id)).toBe("deployer");

    await expect(lib.updateMembership(fx.users.admin, { projectId: fx.project.id, userId: fx.users.admin.id, role: "manager" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("last admin") });
    await expect(lib.removeMember(fx.users.admin, { projectId: fx.project.id, userId: fx.users.admin.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("last admin") });
    expect(await lib.roleIn(fx.users.admin.id, fx.project.id)).toBe("admin");

    await lib.removeMember(fx.users.admin, { projectId: fx.project.id, userId: person.id });
    expect(await lib.roleIn(person.id, fx.project.id)).toBeNull();
    const removed = await lib.db().auditEvent.findFirstOrThrow({ where: { action: "membership.removed", subjectId: person.id } });
    expect(removed.before).toMatchObject({ user: "roles@example.test", role: "deployer" });
    await expect(lib.removeMember(fx.users.admin, { projectId: fx.project.id, userId: person.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a site admin manages people of a project they are not a member of", async () => {
    const outcome = await lib.inviteMember(site, { projectId: fx.project.id, email: "bysite@example.test", name: "By Site", role: "manager" });
    expect(outcome.kind).toBe("invited");
  });
});

describe("accounts made by an admin", () => {
  it("a service account has no password and cannot sign in; a person gets the password given; an email is used once", async () => {
    const bot = await lib.createAccount(fx.users.admin, { projectId: fx.project.id, email: "ci-bot@example.test", name: "CI bot", role: "requester", password: null });
    expect(bot.kind).toBe("service");
    expect(await lib.db().user.findUniqueOrThrow({ where: { id: bot.id } })).toMatchObject({ passwordHash: null, kind: "service" });
    expect(await lib.verifyCredentials("ci-bot@example.test", "")).toBeNull();
    await expect(lib.resetPassword(fx.users.admin, bot.id)).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringContaining("service account") });

    const person = await lib.createAccount(fx.users.admin, { projectId: fx.project.id, email: "direct@example.test", name: "Direct", role: "approver", environmentIds: [fx.environments.prod.id], password: PASSWORD });
    expect(person.kind).toBe("person");
    expect(await lib.verifyCredentials("direct@example.test", PASSWORD)).toMatchObject({ id: person.id });

    const before = await snapshot();
    await expect(lib.createAccount(fx.users.admin, { projectId: fx.project.id, email: "Direct@example.test", name: "Again", role: "requester", password: PASSWORD })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(lib.createAccount(fx.users.requester, { projectId: fx.project.id, email: "sneaky@example.test", name: "S", role: "admin", password: PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("deactivation", () => {
  it("is for site admins only, never oneself nor the last site admin", async () => {
    await expect(lib.setUserActive(fx.users.admin, fx.users.requester.id, false)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.setUserActive(site, site.id, false)).rejects.toMatchObject({ code: "CONFLICT" });
    const second = await lib.db().user.create({ data: { email: "second-site@example.test", name: "Second", siteAdmin: true, passwordHash: "x" } });
    const secondActor = { id: second.id, email: second.email, name: second.name, siteAdmin: true };
    // Two site admins deactivating each other at once: one of them stays.
    const results = await Promise.allSettled([lib.setUserActive(site, second.id, false), lib.setUserActive(secondActor, site.id, false)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await lib.db().user.count({ where: { siteAdmin: true, deactivatedAt: null } })).toBe(1);
    const survivor = results[0].status === "fulfilled" ? site : secondActor;
    const other = survivor === site ? secondActor : site;
    await lib.setUserActive(survivor, other.id, true);
  });

  it("ends sign-in, API tokens and role at once; past approvals stay but stop counting; reactivation restores the role", async () => {
    const approver = await member("leaving@example.test", "approver");
    const { secret } = await lib.createApiToken(approver, { userId: approver.id, name: "laptop", scopes: ["read", "approve"] });
    const request = await fx.approvedRequest([{ name: `20260101000001_leave_${Date.now()}`, sql: "SELECT 1;" }]);
    await lib.db().approval.updateMany({ where: { requestId: request.id }, data: { approverId: approver.id } });
    const satisfied = async () => {
      const input = await lib.deployCheckInput(request.id, fx.environments.dev.id, fx.users.deployer);
      return lib.approvalsSatisfy(input.request, input.environment.id, input.approvals, input.policy);
    };
    expect(await satisfied()).toBe(true);

    const updated = await lib.setUserActive(site, approver.id, false);
    expect(updated.deactivatedAt).not.toBeNull();
    const row = await lib.db().user.findUniqueOrThrow({ where: { id: approver.id } });
    expect(row.sessionsValidAfter).not.toBeNull();
    expect(await lib.verifyCredentials(approver.email, PASSWORD)).toBeNull();
    expect(await lib.principalOfToken(secret)).toBeNull();
    expect(await lib.roleIn(approver.id, fx.project.id)).toBeNull();
    expect(await satisfied()).toBe(false);
    expect(await lib.db().approval.count({ where: { requestId: request.id, approverId: approver.id } })).toBe(1);
    expect(await lib.db().auditEvent.count({ where: { action: "user.deactivated", subjectId: approver.id } })).toBe(1);

    await lib.setUserActive(site, approver.id, true);
    expect(await lib.roleIn(approver.id, fx.project.id)).toBe("approver");
    expect(await satisfied()).toBe(true);
    expect(await lib.db().auditEvent.count({ where: { action: "user.reactivated", subjectId: approver.id } })).toBe(1);
  });
});

describe("passwords", () => {
  it("changing one's own password checks the current one, ends every session and is audited", async () => {
    const person = await member("changer@example.test");
    const before = await lib.db().user.findUniqueOrThrow({ where: { id: person.id } });
    await expect(lib.changeOwnPassword(person, { currentPassword: "wrong password!", newPassword: "a brand new password" })).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringMatching(/^currentPassword: /) });
    await expect(lib.changeOwnPassword(person, { currentPassword: PASSWORD, newPassword: "short" })).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringMatching(/^newPassword: /) });
    await expect(lib.changeOwnPassword(person, { currentPassword: PASSWORD, newPassword: PASSWORD })).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringContaining("different") });
    expect(await lib.db().user.findUniqueOrThrow({ where: { id: person.id } })).toEqual(before);

    await lib.changeOwnPassword(person, { currentPassword: PASSWORD, newPassword: "a brand new password" });
    const after = await lib.db().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.sessionsValidAfter!.getTime()).toBeGreaterThan(Date.now() - 10_000);
    expect(await lib.verifyCredentials(person.email, PASSWORD)).toBeNull();
    expect(await lib.verifyCredentials(person.email, "a brand new password")).toMatchObject({ id: person.id });
    const event = await lib.db().auditEvent.findFirstOrThrow({ where: { action: "user.password_changed", subjectId: person.id } });
    expect(JSON.stringify([event.before, event.after, event.metadata])).not.toContain("a brand new password");
  });

  it("an admin reset gives a one-time temporary password that must be changed at the next sign-in", async () => {
    const person = await member("forgetful@example.test");
    await expect(lib.resetPassword(fx.users.deployer, person.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.resetPassword(fx.users.admin, fx.users.admin.id)).rejects.toMatchObject({ code: "BAD_INPUT" });
    const { temporaryPassword } = await lib.resetPassword(fx.users.admin, person.id);
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{20}$/);
    const row = await lib.db().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(row.mustChangePassword).toBe(true);
    expect(row.sessionsValidAfter).not.toBeNull();
    expect(await lib.verifyCredentials(person.email, PASSWORD)).toBeNull();
    expect(await lib.verifyCredentials(person.email, temporaryPassword)).toMatchObject({ id: person.id });
    const event = await lib.db().auditEvent.findFirstOrThrow({ where: { action: "user.password_reset", subjectId: person.id } });
    expect(JSON.stringify([event.before, event.after, event.metadata])).not.toContain(temporaryPassword);

    await lib.changeOwnPassword(person, { currentPassword: temporaryPassword, newPassword: "my own new password" });
    expect((await lib.db().user.findUniqueOrThrow({ where: { id: person.id } })).mustChangePassword).toBe(false);
  });

  it("a project admin cannot reset a site admin, nor someone in a project they do not administer", async () => {
    await lib.db().membership.create({ data: { projectId: fx.project.id, userId: site.id, role: "manager" } });
    await expect(lib.resetPassword(fx.users.admin, site.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("site admin") });
    const elsewhere = await lib.db().project.create({ data: { slug: `elsewhere-${Date.now()}`, name: "Elsewhere" } });
    const shared = await member("shared@example.test");
    await lib.db().membership.create({ data: { projectId: elsewhere.id, userId: shared.id, role: "admin" } });
    await expect(lib.resetPassword(fx.users.admin, shared.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.requirePasswordChange(fx.users.admin, shared.id, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.resetPassword(site, shared.id)).resolves.toMatchObject({ email: "shared@example.test" });
    await lib.db().membership.delete({ where: { userId_projectId: { userId: site.id, projectId: fx.project.id } } });
  });
});

describe("sessions (the next-auth jwt callback asks sessionStanding on every request)", () => {
  it("end when the password changes or is reset after sign-in, or the account is deactivated; a new sign-in works", async () => {
    const person = await member("sessions@example.test");
    const signedIn = Date.now() - 1000;
    expect(await lib.sessionStanding(person.id, signedIn)).toEqual({ mustChangePassword: false });
    await lib.changeOwnPassword(person, { currentPassword: PASSWORD, newPassword: "another good password" });
    expect(await lib.sessionStanding(person.id, signedIn)).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    const again = Date.now();
    expect(await lib.sessionStanding(person.id, again)).toEqual({ mustChangePassword: false });

    await new Promise((r) => setTimeout(r, 5));
    await lib.resetPassword(fx.users.admin, person.id);
    expect(await lib.sessionStanding(person.id, again)).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    expect(await lib.sessionStanding(person.id, Date.now())).toEqual({ mustChangePassword: true });

    await lib.setUserActive(site, person.id, false);
    expect(await lib.sessionStanding(person.id, Date.now() + 1000)).toBeNull();
    expect(await lib.sessionStanding("no-such-user", Date.now())).toBeNull();
  });
});

describe("listing people", () => {
  it("a site admin sees everyone; a project admin their projects' members; others are refused", async () => {
    const all = await lib.listUsers(site);
    expect(all.map((u) => u.email)).toContain("site@example.test");
    expect(all.length).toBe(await lib.db().user.count());

    const mine = await lib.listUsers(fx.users.admin);
    expect(mine.map((u) => u.email)).not.toContain("site@example.test");
    const lead = mine.find((u) => u.email === "lead@example.test")!;
    expect(lead.memberships).toEqual([{ project: fx.project.slug, role: "approver", environments: [] }]);
    const shared = mine.find((u) => u.email === "shared@example.test")!;
    expect(shared.memberships.map((m) => m.project)).toEqual([fx.project.slug]);

    await expect(lib.listUsers(fx.users.requester)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const settings = await lib.peopleForSettings(fx.users.admin);
    const project = settings.projects.find((p) => p.id === fx.project.id)!;
    expect(project.members.find((m) => m.email === "shared@example.test")?.mayResetPassword).toBe(false);
    expect(project.members.find((m) => m.email === "forgetful@example.test")?.mayResetPassword).toBe(true);
    expect(project.invitations.some((i) => i.email === "late@example.test" && i.expired)).toBe(true);
  });
});
