import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";

// Integration: API tokens against a real control plane (lib/deploy/testing.ts), one user per role.
let fx: DeployFixture;
let lib: typeof import("@/lib/server/tokens") & typeof import("@/lib/server/token-queries") & typeof import("@/lib/auth/api-tokens") & { db: typeof import("@/lib/db").db };

beforeAll(async () => {
  fx = await createDeployFixture();
  lib = {
    ...(await import("@/lib/server/tokens")),
    ...(await import("@/lib/server/token-queries")),
    ...(await import("@/lib/auth/api-tokens")),
    db: (await import("@/lib/db")).db,
  };
});
afterAll(async () => {
  await fx?.drop();
});

const DAY = 24 * 3600 * 1000;

describe("creating a token", () => {
  it("returns a prefixed secret once and stores only its hash, audited without the secret", async () => {
    const created = await lib.createApiToken(fx.users.deployer, { userId: fx.users.deployer.id, name: "laptop", scopes: ["read", "deploy"] });
    expect(created.secret).toMatch(/^slu_[A-Za-z0-9_-]{43}$/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    const stored = await lib.db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(lib.hashToken(created.secret));
    expect(JSON.stringify(stored)).not.toContain(created.secret);
    expect(stored).toMatchObject({ kind: "personal", scopes: ["read", "deploy"], projectIds: [], expiresAt: null, createdById: fx.users.deployer.id });
    const events = await lib.db().auditEvent.findMany({ where: { subjectId: created.id } });
    expect(events.map((e) => e.action)).toEqual(["token.created"]);
    expect(JSON.stringify(events.map(({ before, after, metadata }) => ({ before, after, metadata })))).not.toContain(created.secret);
    expect(events[0].after).toMatchObject({ owner: fx.users.deployer.email, prefix: created.prefix, scopes: ["read", "deploy"] });
  });

  it("refuses a missing name or scope, a past expiry and a project the owner is not in, storing nothing", async () => {
    const before = await lib.db().apiToken.count();
    const me = fx.users.requester;
    await expect(lib.createApiToken(me, { userId: me.id, name: " ", scopes: ["read"] })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(lib.createApiToken(me, { userId: me.id, name: "x", scopes: [] })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(lib.createApiToken(me, { userId: me.id, name: "x", scopes: ["read"], expiresAt: new Date(Date.now() - 1000) })).rejects.toThrow(/expiresAt: must be in the future/);
    await expect(lib.createApiToken(me, { userId: me.id, name: "x", scopes: ["read"], projectIds: ["not-a-project"] })).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(await lib.db().apiToken.count()).toBe(before);
  });

  it("lets an admin of the member's projects make a service token for them, and nobody else", async () => {
    await expect(lib.createApiToken(fx.users.deployer, { userId: fx.users.requester.id, name: "x", scopes: ["read"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const service = await lib.createApiToken(fx.users.admin, { userId: fx.users.requester.id, name: "ci", scopes: ["read", "submit"], projectIds: [fx.project.id] });
    expect(service.kind).toBe("service");
  });

  it("never lets a token make a token with more scopes, other projects or a longer life than itself", async () => {
    const owner = fx.users.admin;
    const parent = await lib.createApiToken(owner, { userId: owner.id, name: "parent", scopes: ["read", "submit"], projectIds: [fx.project.id], expiresAt: new Date(Date.now() + 10 * DAY) });
    const principal = (await lib.principalOfToken(parent.secret))!;
    await expect(lib.createApiToken(principal, { userId: owner.id, name: "wider", scopes: ["read", "deploy"], projectIds: [fx.project.id], expiresAt: new Date(Date.now() + DAY) })).rejects.toThrow(/scopes it does not have/);
    await expect(lib.createApiToken(principal, { userId: owner.id, name: "all projects", scopes: ["read"], expiresAt: new Date(Date.now() + DAY) })).rejects.toThrow(/limited to those projects/);
    await expect(lib.createApiToken(principal, { userId: owner.id, name: "forever", scopes: ["read"], projectIds: [fx.project.id] })).rejects.toThrow(/outlives it/);
    await expect(lib.createApiToken(principal, { userId: fx.users.requester.id, name: "for someone", scopes: ["read"], projectIds: [fx.project.id], expiresAt: new Date(Date.now() + DAY) })).rejects.toThrow(/admin scope/);
    const child = await lib.createApiToken(principal, { userId: owner.id, name: "narrower", scopes: ["read"], projectIds: [fx.project.id], expiresAt: new Date(Date.now() + DAY) });
    expect(child.scopes).toEqual(["read"]);
  });
});

describe("authenticating with a token", () => {
  it("gives the owner narrowed by the token's scopes and projects, and records when it was last used", async () => {
    const created = await lib.createApiToken(fx.users.approver, { userId: fx.users.approver.id, name: "cli", scopes: ["read", "approve"], projectIds: [fx.project.id] });
    const principal = await lib.principalOfToken(created.secret);
    expect(principal).toMatchObject({ id: fx.users.approver.id, email: fx.users.approver.email, token: { id: created.id, scopes: ["read", "approve"], projectIds: [fx.project.id] } });
    const used = await lib.db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(used.lastUsedAt).not.toBeNull();
    // Within a minute the last-used time is not rewritten: a read does not become a write each time.
    await lib.principalOfToken(created.secret);
    expect((await lib.db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(used.lastUsedAt);
  });

  it("refuses an unknown, malformed, revoked or expired token and one whose owner was deactivated", async () => {
    expect(await lib.principalOfToken("slu_unknown")).toBeNull();
    expect(await lib.principalOfToken("not-a-token")).toBeNull();
    expect(await lib.principalOfToken(`slu_${"a".repeat(500)}`)).toBeNull();

    const revoked = await lib.createApiToken(fx.users.manager, { userId: fx.users.manager.id, name: "revoked", scopes: ["read"] });
    await lib.revokeApiToken(fx.users.manager, revoked.id);
    expect(await lib.principalOfToken(revoked.secret)).toBeNull();

    const expiring = await lib.createApiToken(fx.users.manager, { userId: fx.users.manager.id, name: "expiring", scopes: ["read"], expiresAt: new Date(Date.now() + DAY) });
    await lib.db().apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await lib.principalOfToken(expiring.secret)).toBeNull();

    const person = await lib.db().user.create({ data: { email: `leaver-${Date.now()}@example.test`, name: "Leaver", passwordHash: "x" } });
    await lib.db().membership.create({ data: { userId: person.id, projectId: fx.project.id, role: "requester" } });
    const theirs = await lib.createApiToken(person, { userId: person.id, name: "theirs", scopes: ["read"] });
    expect(await lib.principalOfToken(theirs.secret)).not.toBeNull();
    await lib.db().user.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    expect(await lib.principalOfToken(theirs.secret)).toBeNull();
  });
});

describe("revoking a token", () => {
  it("is for its owner or an admin over it, audited, and harmless twice", async () => {
    const token = await lib.createApiToken(fx.users.requester, { userId: fx.users.requester.id, name: "to revoke", scopes: ["read"] });
    await expect(lib.revokeApiToken(fx.users.deployer, token.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const first = await lib.revokeApiToken(fx.users.admin, token.id);
    const second = await lib.revokeApiToken(fx.users.requester, token.id);
    expect(second.revokedAt).toEqual(first.revokedAt);
    const events = await lib.db().auditEvent.findMany({ where: { subjectId: token.id, action: "token.revoked" } });
    expect(events).toHaveLength(1);
    expect(events[0].actorEmail).toBe(fx.users.admin.email);
    await expect(lib.revokeApiToken(fx.users.admin, "no-such-token")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is refused to a site admin whose token lacks the admin scope", async () => {
    const site = await lib.db().user.create({ data: { email: `site-${Date.now()}@example.test`, name: "Site", passwordHash: "x", siteAdmin: true } });
    const target = await lib.createApiToken(fx.users.manager, { userId: fx.users.manager.id, name: "target", scopes: ["read"] });
    const weak = await lib.createApiToken({ ...site, siteAdmin: true }, { userId: site.id, name: "weak", scopes: ["read"] });
    const principal = (await lib.principalOfToken(weak.secret))!;
    await expect(lib.revokeApiToken(principal, target.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await lib.revokeApiToken({ ...site, siteAdmin: true }, target.id);
  });
});

describe("the tokens page's lists", () => {
  it("show a person their own tokens with their state, and nobody else's", async () => {
    const me = await lib.db().user.create({ data: { email: `lister-${Date.now()}@example.test`, name: "Lister", passwordHash: "x" } });
    await lib.db().membership.create({ data: { userId: me.id, projectId: fx.project.id, role: "requester" } });
    const active = await lib.createApiToken(me, { userId: me.id, name: "active", scopes: ["read"], projectIds: [fx.project.id] });
    const revoked = await lib.createApiToken(me, { userId: me.id, name: "revoked", scopes: ["read"] });
    await lib.revokeApiToken(me, revoked.id);
    const expired = await lib.createApiToken(me, { userId: me.id, name: "expired", scopes: ["read"], expiresAt: new Date(Date.now() + DAY) });
    const rows = await lib.ownTokens(me, new Date(Date.now() + 2 * DAY));
    expect(rows.map((r) => [r.name, r.state])).toEqual([
      ["expired", "expired"],
      ["active", "active"],
      ["revoked", "revoked"],
    ]);
    expect(rows.find((r) => r.id === active.id)?.projects.map((p) => p.slug)).toEqual([fx.project.slug]);
    expect(rows.every((r) => r.mayRevoke && r.owner.id === me.id)).toBe(true);
    expect(rows.map((r) => r.id)).toContain(expired.id);
    expect(await lib.managedTokens(me)).toEqual([]);
  });

  it("show an admin the tokens of the members of their projects, with revoke where revokeApiToken would allow it", async () => {
    const bot = await lib.db().user.create({ data: { email: `bot-${Date.now()}@example.test`, name: "CI bot", kind: "service" } });
    await lib.db().membership.create({ data: { userId: bot.id, projectId: fx.project.id, role: "requester" } });
    const inProject = await lib.createApiToken(fx.users.admin, { userId: bot.id, name: "ci", scopes: ["read", "submit"] });
    // The bot also belongs to a project the admin does not administer: an unrestricted token there is out of reach.
    const other = await lib.db().project.create({ data: { slug: `other${Date.now().toString(36)}`, name: "Other", migrationsPath: "/nonexistent" } });
    await lib.db().membership.create({ data: { userId: bot.id, projectId: other.id, role: "requester" } });
    const elsewhere = await lib.createApiToken(bot, { userId: bot.id, name: "bot's own", scopes: ["read"] });
    const managed = await lib.managedTokens(fx.users.admin);
    const byId = new Map(managed.map((t) => [t.id, t]));
    expect(byId.get(inProject.id)?.mayRevoke).toBe(false);
    expect(byId.get(elsewhere.id)?.mayRevoke).toBe(false);
    await expect(lib.revokeApiToken(fx.users.admin, elsewhere.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const scoped = await lib.createApiToken(bot, { userId: bot.id, name: "scoped", scopes: ["read"], projectIds: [fx.project.id] });
    expect((await lib.managedTokens(fx.users.admin)).find((t) => t.id === scoped.id)?.mayRevoke).toBe(true);
    await lib.revokeApiToken(fx.users.admin, scoped.id);
    expect(managed.every((t) => t.owner.id !== fx.users.admin.id)).toBe(true);

    const options = await lib.tokenOwnerOptions(fx.users.admin);
    expect(options[0].id).toBe(fx.users.admin.id);
    const botOption = options.find((o) => o.id === bot.id)!;
    expect(botOption.projects.map((p) => p.id)).toEqual([fx.project.id]);
    expect(botOption.mayChooseAll).toBe(false);
    expect((await lib.tokenOwnerOptions(fx.users.deployer)).map((o) => o.id)).toEqual([fx.users.deployer.id]);
  });
});
