import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RouteHandler } from "@/lib/testing/api-session";
import { NextRequest } from "next/server";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import type { TokenScope } from "@/lib/auth/token-scopes";

// /api/v1/users called as Next calls it, against a real control plane, with real bearer tokens.
// next-auth cannot load outside Next, so the browser session is stood in for (never used here).
vi.mock("@/lib/auth/session", () => import("@/lib/testing/api-session"));

type Handler = RouteHandler;

let fx: DeployFixture;
let db: typeof import("@/lib/db").db;
let createApiToken: typeof import("@/lib/server/tokens").createApiToken;
let principalOfToken: typeof import("@/lib/auth/api-tokens").principalOfToken;
let verifyCredentials: typeof import("@/lib/auth/credentials").verifyCredentials;
let users: typeof import("@/app/api/v1/users/route");
let user: typeof import("@/app/api/v1/users/[id]/route");
let site: { id: string; email: string; name: string; siteAdmin: true };

beforeAll(async () => {
  process.env.SLUICE_PUBLIC_URL = "https://sluice.example.test";
  fx = await createDeployFixture();
  db = (await import("@/lib/db")).db;
  createApiToken = (await import("@/lib/server/tokens")).createApiToken;
  principalOfToken = (await import("@/lib/auth/api-tokens")).principalOfToken;
  verifyCredentials = (await import("@/lib/auth/credentials")).verifyCredentials;
  users = await import("@/app/api/v1/users/route");
  user = await import("@/app/api/v1/users/[id]/route");
  const made = await db().user.create({ data: { email: "site@example.test", name: "Site", siteAdmin: true, passwordHash: "x" } });
  site = { id: made.id, email: made.email, name: made.name, siteAdmin: true };
});
afterAll(async () => {
  await fx?.drop();
});

async function call(handler: Handler, { method = "GET", path = "/users", token, body, params = {} }: { method?: string; path?: string; token?: string; body?: unknown; params?: Record<string, string> }) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new NextRequest(`http://localhost/api/v1${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function tokenFor(owner: { id: string; email: string; name: string; siteAdmin?: boolean }, scopes: TokenScope[], expiresAt?: Date) {
  return (await createApiToken(owner, { userId: owner.id, name: `${scopes.join("+")} ${Math.random()}`, scopes, expiresAt })).secret;
}

async function stored() {
  const [u, m, i] = await Promise.all([db().user.count(), db().membership.count(), db().invitation.count()]);
  return { users: u, memberships: m, invitations: i };
}

const post = (token: string | undefined, body: unknown) => call(users.POST as Handler, { method: "POST", token, body });

describe("POST /api/v1/users", () => {
  it("without a password or token scopes invites, and answers with the link once", async () => {
    const admin = await tokenFor(fx.users.admin, ["admin"]);
    const { status, body } = await post(admin, { email: "Invitee@example.test", name: "Invitee", project: fx.project.slug, role: "approver", environments: ["staging"] });
    expect(status).toBe(201);
    expect(body.user).toBeNull();
    expect(body.token).toBeNull();
    expect(body.invitation.url).toMatch(/^https:\/\/sluice\.example\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(new Date(body.invitation.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    const invitation = await db().invitation.findFirstOrThrow({ where: { email: "invitee@example.test" } });
    expect(invitation.environmentIds).toEqual([fx.environments.staging.id]);
  });

  it("with a password makes an active account that can sign in", async () => {
    const admin = await tokenFor(fx.users.admin, ["admin"]);
    const { status, body } = await post(admin, { email: "approver2@example.test", name: "Second Approver", project: fx.project.slug, role: "approver", password: "a long enough password" });
    expect(status).toBe(201);
    expect(body).toMatchObject({ user: { email: "approver2@example.test", kind: "person" }, invitation: null, token: null });
    expect(await verifyCredentials("approver2@example.test", "a long enough password")).toMatchObject({ id: body.user.id });
  });

  it("with token scopes and no password makes a service account whose token is limited to the project and to the maker's expiry", async () => {
    const expiresAt = new Date(Date.now() + 3600_000);
    const admin = await tokenFor(fx.users.admin, ["admin"], expiresAt);
    const { status, body } = await post(admin, { email: "ci-bot@example.test", name: "CI bot", project: fx.project.slug, role: "requester", tokenScopes: ["read", "submit"] });
    expect(status).toBe(201);
    expect(body.user).toMatchObject({ email: "ci-bot@example.test", kind: "service" });
    expect(body.token).toMatchObject({ prefix: expect.stringMatching(/^slu_/), scopes: ["read", "submit"] });
    const principal = await principalOfToken(body.token.secret);
    expect(principal).toMatchObject({ id: body.user.id, token: { scopes: ["read", "submit"], projectIds: [fx.project.id] } });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: body.token.id } });
    expect(row.expiresAt?.getTime()).toBe(expiresAt.getTime());
    expect((await db().user.findUniqueOrThrow({ where: { id: body.user.id } })).passwordHash).toBeNull();
  });

  it("answers bad input with a 400 naming the field, and stores nothing", async () => {
    const admin = await tokenFor(fx.users.admin, ["admin"]);
    const before = await stored();
    const base = { email: "bad@example.test", name: "Bad", project: fx.project.slug, role: "requester" };
    const cases: [unknown, RegExp][] = [
      [{ ...base, password: "short" }, /^password: must be at least 12 characters/],
      [{ ...base, email: "not-an-email" }, /^email: /],
      [{ ...base, role: "owner" }, /^role: /],
      [{ ...base, role: "approver", environments: ["nowhere"] }, /^environments: .* no environment named nowhere/],
      [{ ...base, environments: ["prod"] }, /^environments: an approver scope applies to the approver role only/],
      [{ ...base, tokenScopes: ["root"] }, /^tokenScopes\.0: /],
      [{ ...base, surprise: true }, /surprise/],
      [{ ...base, name: "a\u0000b" }, /^name: must not hold control characters/],
      ["{not json", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const answer = await post(admin, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe("BAD_INPUT");
      expect(answer.body.error.message).toMatch(message);
    }
    expect(await stored()).toEqual(before);
  });

  it("refuses without a token (401), outside the role or the token's scopes (403), for an unknown project (404), and a taken email (409)", async () => {
    const body = { email: "x@example.test", name: "X", project: fx.project.slug, role: "admin" };
    const before = await stored();
    expect((await post(undefined, body)).status).toBe(401);
    expect((await post("slu_not-a-token", body)).status).toBe(401);
    expect((await post(await tokenFor(fx.users.admin, ["read", "submit", "approve", "deploy"]), body)).status).toBe(403);
    expect((await post(await tokenFor(fx.users.requester, ["admin"]), body)).status).toBe(403);
    const admin = await tokenFor(fx.users.admin, ["admin"]);
    expect((await post(admin, { ...body, project: "no-such-project" })).status).toBe(404);
    expect(await stored()).toEqual(before);
    const taken = await post(admin, { ...body, email: fx.users.deployer.email, password: "a long enough password" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain("already exists");
  });
});

describe("GET /api/v1/users", () => {
  it("a project admin sees their projects' members; a site admin everyone; anyone else is refused", async () => {
    const mine = await call(users.GET as Handler, { token: await tokenFor(fx.users.admin, ["admin"]) });
    expect(mine.status).toBe(200);
    const emails = mine.body.users.map((u: { email: string }) => u.email);
    expect(emails).toContain(fx.users.requester.email);
    expect(emails).not.toContain("site@example.test");
    expect(mine.body.users.find((u: { email: string }) => u.email === fx.users.approver.email)).toEqual({
      id: fx.users.approver.id,
      email: fx.users.approver.email,
      name: fx.users.approver.name,
      kind: "person",
      active: true,
      siteAdmin: false,
      memberships: [{ project: fx.project.slug, role: "approver", environments: [] }],
    });

    const all = await call(users.GET as Handler, { token: await tokenFor(site, ["admin"]) });
    expect(all.body.users).toHaveLength(await db().user.count());
    expect((await call(users.GET as Handler, { token: await tokenFor(fx.users.requester, ["read"]) })).status).toBe(403);
    expect((await call(users.GET as Handler, { token: await tokenFor(site, ["read"]) })).status).toBe(403);
  });
});

describe("PATCH /api/v1/users/{id}", () => {
  it("deactivation is a site admin's: the account's tokens stop at once; reactivation brings it back", async () => {
    const target = fx.users.manager;
    const targetToken = await tokenFor(target, ["read"]);
    const patch = (token: string, body: unknown, id = target.id) => call(user.PATCH as Handler, { method: "PATCH", path: `/users/${id}`, token, body, params: { id } });

    expect((await patch(await tokenFor(fx.users.admin, ["admin"]), { active: false })).status).toBe(403);
    const siteToken = await tokenFor(site, ["admin"]);
    const off = await patch(siteToken, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.user).toMatchObject({ id: target.id, active: false });
    expect(await principalOfToken(targetToken)).toBeNull();
    expect((await patch(siteToken, { active: false }, site.id)).status).toBe(409);
    expect((await patch(siteToken, {})).status).toBe(400);
    expect((await patch(siteToken, { active: true })).body.user.active).toBe(true);
  });

  it("a project admin may require a new password at the next sign-in of a member", async () => {
    const admin = await tokenFor(fx.users.admin, ["admin"]);
    const answer = await call(user.PATCH as Handler, { method: "PATCH", path: `/users/${fx.users.deployer.id}`, token: admin, body: { mustChangePassword: true }, params: { id: fx.users.deployer.id } });
    expect(answer.status).toBe(200);
    expect(answer.body.user).toMatchObject({ mustChangePassword: true, active: true });
    const unknown = await call(user.PATCH as Handler, { method: "PATCH", path: "/users/nobody", token: admin, body: { mustChangePassword: true }, params: { id: "nobody" } });
    expect(unknown.status).toBe(404);
  });
});
