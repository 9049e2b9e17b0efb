import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testSession as session, type RouteHandler } from "@/lib/testing/api-session";
import { NextRequest } from "next/server";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { can, type Action } from "@/lib/auth/permissions";
import { scopeAllows, TOKEN_SCOPES, type TokenScope } from "@/lib/auth/token-scopes";

// The /api/v1 route handlers of tokens, requests, approvals, deployments, audit and health,
// called as Next calls them, against a real control plane and real targets. next-auth cannot
// load outside Next, so the browser session is stood in for; bearer tokens are the real thing.
vi.mock("@/lib/auth/session", () => import("@/lib/testing/api-session"));

type Handler = RouteHandler;
type Call = { method?: string; path: string; token?: string | null; body?: unknown; params?: Record<string, string>; headers?: Record<string, string> };

let fx: DeployFixture;
let db: typeof import("@/lib/db").db;
let createApiToken: typeof import("@/lib/server/tokens").createApiToken;
let createRequest: typeof import("@/lib/server/requests").createRequest;
const routes = {} as {
  tokens: typeof import("@/app/api/v1/tokens/route");
  token: typeof import("@/app/api/v1/tokens/[id]/route");
  requests: typeof import("@/app/api/v1/requests/route");
  request: typeof import("@/app/api/v1/requests/[number]/route");
  approvals: typeof import("@/app/api/v1/requests/[number]/approvals/route");
  deployments: typeof import("@/app/api/v1/deployments/route");
  deployment: typeof import("@/app/api/v1/deployments/[id]/route");
  stop: typeof import("@/app/api/v1/deployments/[id]/stop/route");
  options: typeof import("@/app/api/v1/deployments/options/route");
  health: typeof import("@/app/api/v1/health/route");
  audit: typeof import("@/app/api/v1/audit/route");
};

beforeAll(async () => {
  fx = await createDeployFixture();
  db = (await import("@/lib/db")).db;
  createApiToken = (await import("@/lib/server/tokens")).createApiToken;
  createRequest = (await import("@/lib/server/requests")).createRequest;
  Object.assign(routes, {
    tokens: await import("@/app/api/v1/tokens/route"),
    token: await import("@/app/api/v1/tokens/[id]/route"),
    requests: await import("@/app/api/v1/requests/route"),
    request: await import("@/app/api/v1/requests/[number]/route"),
    approvals: await import("@/app/api/v1/requests/[number]/approvals/route"),
    deployments: await import("@/app/api/v1/deployments/route"),
    deployment: await import("@/app/api/v1/deployments/[id]/route"),
    stop: await import("@/app/api/v1/deployments/[id]/stop/route"),
    options: await import("@/app/api/v1/deployments/options/route"),
    health: await import("@/app/api/v1/health/route"),
    audit: await import("@/app/api/v1/audit/route"),
  });
});
afterAll(async () => {
  await fx?.drop();
});

async function call(handler: Handler, { method = "GET", path, token, body, params = {}, headers = {} }: Call) {
  const init: { method: string; headers: Record<string, string>; body?: string } = { method, headers: { ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers["content-type"] = "application/json";
  }
  const response = await handler(new NextRequest(`http://localhost/api/v1${path}`, init), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function tokenFor(user: { id: string; email: string; name: string }, scopes: TokenScope[], extra: { projectIds?: string[]; expiresAt?: Date } = {}) {
  return (await createApiToken(user, { userId: user.id, name: `${scopes.join("+")} ${Math.random()}`, scopes, ...extra })).secret;
}

let seq = 0;
/** A request in review with one pasted migration, made by the fixture's requester. */
async function requestInReview(title = "api request") {
  seq += 1;
  const table = `api_${seq}_${Date.now().toString(36)}`;
  const request = await createRequest(fx.users.requester, {
    projectId: fx.project.id,
    title,
    pasted: { name: `2026120200000${seq}_${table}`, sql: `CREATE TABLE "${table}" (id int PRIMARY KEY);`, downSql: `DROP TABLE "${table}";` },
    submit: true,
  });
  return request;
}

describe("bearer authentication", () => {
  it("answers 401 in the one error shape for a missing, unknown, revoked or expired token and a deactivated owner's", async () => {
    const revoked = await createApiToken(fx.users.manager, { userId: fx.users.manager.id, name: "revoked", scopes: ["read"] });
    await call(routes.token.DELETE, { method: "DELETE", path: `/tokens/${revoked.id}`, token: revoked.secret, params: { id: revoked.id } });
    const expired = await createApiToken(fx.users.manager, { userId: fx.users.manager.id, name: "expired", scopes: ["read"], expiresAt: new Date(Date.now() + 60_000) });
    await db().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const leaver = await db().user.create({ data: { email: `leaver-${Date.now()}@example.test`, name: "Leaver", passwordHash: "x" } });
    await db().membership.create({ data: { userId: leaver.id, projectId: fx.project.id, role: "deployer" } });
    const leaverToken = await tokenFor(leaver, ["read", "deploy"]);
    await db().user.update({ where: { id: leaver.id }, data: { deactivatedAt: new Date() } });

    const calls: [Handler, Call][] = [
      [routes.requests.GET, { path: "/requests" }],
      [routes.request.GET, { path: "/requests/1", params: { number: "1" } }],
      [routes.deployments.GET, { path: "/deployments" }],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: { request: 1, environment: "dev" } }],
      [routes.audit.GET, { path: "/audit" }],
      [routes.health.GET, { path: "/health" }],
      [routes.tokens.GET, { path: "/tokens" }],
    ];
    for (const secret of [revoked.secret, expired.secret, leaverToken, "slu_not-a-real-token", "garbage"]) {
      for (const [handler, request] of calls) {
        const answer = await call(handler, { ...request, token: secret });
        expect(answer.status, `${request.path} with ${secret.slice(0, 12)}`).toBe(401);
        expect(answer.body.error).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringMatching(/token/) });
      }
    }
    session.user = null;
    expect((await call(routes.requests.GET, { path: "/requests" })).status).toBe(401);
  });
});

describe("token scopes on every route", () => {
  type Route = { name: string; action: Action | null; run: (token: string) => Promise<{ status: number; body: { error?: { code: string } } }> };
  const ROLES = ["requester", "approver", "deployer", "admin", "manager"] as const;

  it("refuse (403) every route outside the token's scope and the owner's role, and allow the rest", async () => {
    const review = await requestInReview("scope matrix: approvals");
    const approved = await fx.approvedRequest([{ name: `20261202000100_scope_${Date.now().toString(36)}`, sql: `CREATE TABLE "scope_${Date.now().toString(36)}" (id int);` }]);
    const queued = await db().deployment.create({ data: { requestId: approved.id, environmentId: fx.environments.staging.id, startedById: fx.users.deployer.id, status: "queued" } });

    const routesUnderTest: Route[] = [
      { name: "GET /requests", action: "history.read", run: (token) => call(routes.requests.GET, { path: "/requests", token }) },
      { name: "GET /requests/{number}", action: "history.read", run: (token) => call(routes.request.GET, { path: `/requests/${review.number}`, token, params: { number: String(review.number) } }) },
      {
        name: "POST /requests/{number}/approvals",
        action: "request.approve",
        run: (token) => call(routes.approvals.POST, { method: "POST", path: `/requests/${review.number}/approvals`, token, params: { number: String(review.number) }, body: { decision: "approved", environment: "dev" } }),
      },
      { name: "GET /deployments", action: "history.read", run: (token) => call(routes.deployments.GET, { path: "/deployments", token }) },
      {
        name: "POST /deployments",
        action: "deploy.start_dev",
        run: (token) => call(routes.deployments.POST, { method: "POST", path: "/deployments", token, body: { request: approved.number, environment: "dev" } }),
      },
      { name: "GET /deployments/{id}", action: "history.read", run: (token) => call(routes.deployment.GET, { path: `/deployments/${queued.id}`, token, params: { id: queued.id } }) },
      { name: "POST /deployments/{id}/stop", action: "deploy.stop", run: (token) => call(routes.stop.POST, { method: "POST", path: `/deployments/${queued.id}/stop`, token, params: { id: queued.id } }) },
      { name: "GET /deployments/options", action: "history.read", run: (token) => call(routes.options.GET, { path: `/deployments/options?requestId=${approved.id}`, token }) },
      { name: "GET /health", action: "health.read", run: (token) => call(routes.health.GET, { path: "/health", token }) },
      { name: "GET /audit", action: "audit.read", run: (token) => call(routes.audit.GET, { path: "/audit", token }) },
      // A token always manages its owner's own tokens, within its own scopes.
      { name: "GET /tokens", action: null, run: (token) => call(routes.tokens.GET, { path: "/tokens", token }) },
    ];

    const outcomes: string[] = [];
    for (const role of ROLES) {
      for (const scope of TOKEN_SCOPES) {
        const token = await tokenFor(fx.users[role], [scope]);
        for (const route of routesUnderTest) {
          const allowed = route.action === null || (can(role, route.action) && scopeAllows([scope], route.action));
          const { status, body } = await route.run(token);
          expect(status, `${route.name}: ${body?.error ? JSON.stringify(body.error) : ""}`).toBeLessThan(500);
          const refused = status === 401 || status === 403;
          if (refused !== !allowed) outcomes.push(`${role} with ${scope}: ${route.name} answered ${status} ${JSON.stringify(body?.error ?? "")}`);
          if (!allowed) expect(body.error?.code).toBe("FORBIDDEN");
        }
        const made = await call(routes.tokens.POST, { method: "POST", path: "/tokens", token, body: { name: "child", scopes: [scope] } });
        expect(made.status).toBe(201);
        const revoked = await call(routes.token.DELETE, { method: "DELETE", path: `/tokens/${made.body.token.id}`, token, params: { id: made.body.token.id } });
        expect(revoked.status).toBe(200);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it("limit a token to its projects", async () => {
    const other = await db().project.create({ data: { slug: `elsewhere${Date.now().toString(36)}`, name: "Elsewhere", migrationsPath: "/nonexistent" } });
    await db().membership.create({ data: { userId: fx.users.deployer.id, projectId: other.id, role: "deployer" } });
    const token = await tokenFor(fx.users.deployer, ["read"], { projectIds: [other.id] });
    const review = await requestInReview("outside the token's projects");
    const answer = await call(routes.request.GET, { path: `/requests/${review.number}`, token, params: { number: String(review.number) } });
    expect(answer.status).toBe(403);
    const list = await call(routes.requests.GET, { path: "/requests", token });
    expect(list.status).toBe(200);
    expect(list.body.requests).toEqual([]);
    expect((await call(routes.requests.GET, { path: `/requests?project=${fx.project.slug}`, token })).status).toBe(404);
  });
});

describe("bad input", () => {
  it("is a 400 naming the field, never a 5xx, and stores nothing", async () => {
    const token = await tokenFor(fx.users.admin, ["read", "submit", "deploy", "admin"]);
    const approver = await tokenFor(fx.users.approver, ["read", "approve"]);
    const review = await requestInReview("bad input");
    const before = { tokens: await db().apiToken.count(), deployments: await db().deployment.count(), approvals: await db().approval.count() };
    const cases: [Handler, Call, RegExp][] = [
      [routes.request.GET, { path: "/requests/x", params: { number: "1\u0000" } }, /^number: must be a request number/],
      [routes.request.GET, { path: "/requests/x", params: { number: "99999999999" } }, /^number: /],
      [routes.deployment.GET, { path: "/deployments/x", params: { id: "ab\u0000c" } }, /^id: may hold only/],
      [routes.stop.POST, { method: "POST", path: "/deployments/x/stop", params: { id: "../etc" } }, /^id: /],
      [routes.token.DELETE, { method: "DELETE", path: "/tokens/x", params: { id: "a b" } }, /^id: /],
      [routes.requests.GET, { path: "/requests?status=bogus" }, /^status: must be one or more of/],
      [routes.requests.GET, { path: "/requests?limit=0" }, /^limit: must be at least 1/],
      [routes.requests.GET, { path: "/requests?limit=101" }, /^limit: must be at most 100/],
      [routes.requests.GET, { path: "/requests?cursor=abc" }, /^cursor: must be a request number/],
      [routes.requests.GET, { path: "/requests?branch=a%00b" }, /^branch: must not hold control characters/],
      [routes.requests.GET, { path: "/requests?project=a%00b" }, /^project: /],
      [routes.deployments.GET, { path: "/deployments?status=done" }, /^status: must be one of/],
      [routes.deployments.GET, { path: "/deployments?page=-1" }, /^page: /],
      [routes.deployments.GET, { path: "/deployments?environment=%00" }, /^environment: /],
      [routes.options.GET, { path: "/deployments/options" }, /^requestId: /],
      [routes.audit.GET, { path: "/audit?action=everything" }, /^action: must be an audit action/],
      [routes.audit.GET, { path: "/audit?from=2026-02-30" }, /^from: must be a day that exists/],
      [routes.audit.GET, { path: "/audit?to=yesterday" }, /^to: must be a day/],
      [routes.audit.GET, { path: "/audit?cursor=99999999999999999999" }, /^cursor: /],
      [routes.audit.GET, { path: "/audit?actor=%00" }, /^actor: /],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: "{not json" }, /not valid JSON/],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: "" }, /body is empty/],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: [1, 2] }, /^body: /],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: { request: "42", environment: "dev" } }, /^request: must be a request number/],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: { request: 2 ** 40, environment: "dev" } }, /^request: /],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: { request: review.number, environment: "de\u0000v" } }, /^environment: must not hold control characters/],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: { request: review.number, environment: "dev", runAt: "tomorrow" } }, /^runAt: must be an ISO 8601 time/],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: { request: review.number, environment: "dev", breakGlassReason: "short" } }, /^breakGlassReason: explain/],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: { request: review.number, environment: "dev", force: true } }, /Unrecognized key/i],
      [routes.deployments.POST, { method: "POST", path: "/deployments", body: { request: review.number, environment: "nowhere" } }, /^environment: the request's project has no environment named "nowhere"/],
      [routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x", scopes: ["root"] } }, /^scopes\.0: /],
      [routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x", scopes: [] } }, /^scopes: pick at least one scope/],
      [routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x\u0000", scopes: ["read"] } }, /^name: must not hold control characters/],
      [routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x", scopes: ["read"], expiresAt: "2026-13-01" } }, /^expiresAt: /],
      [routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x", scopes: ["read"], expiresAt: "2001-01-01T00:00:00Z" } }, /^expiresAt: must be in the future/],
      [routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x", scopes: ["read"], projects: [] } }, /^projects: list at least one project/],
      [routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x", scopes: ["read"], projects: ["no-such-project"] } }, /^projects: "no-such-project" is not a project/],
      [routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x", scopes: ["read"], project: fx.project.slug } }, /Unrecognized key/i],
    ];
    for (const [handler, request, message] of cases) {
      const answer = await call(handler, { token, ...request });
      expect(answer.status, `${request.path} ${JSON.stringify(request.body ?? request.params ?? "")}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(answer.body.error.code).toBe("BAD_INPUT");
      expect(answer.body.error.message).toMatch(message);
    }
    const approvalCases: [unknown, RegExp][] = [
      [{ decision: "maybe" }, /^decision: must be one of approved, rejected, changes_requested/],
      [{ decision: "rejected", comment: "no\u0000" }, /^comment: must not hold NUL bytes/],
      [{ decision: "rejected" }, /Say why in a comment/],
      [{ decision: "approved", environment: "moon" }, /^environment: the request's project has no environment named "moon"/],
    ];
    for (const [body, message] of approvalCases) {
      const answer = await call(routes.approvals.POST, { method: "POST", path: `/requests/${review.number}/approvals`, token: approver, params: { number: String(review.number) }, body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }
    const tooLarge = await call(routes.tokens.POST, { method: "POST", path: "/tokens", token, body: { name: "x".repeat(2 * 1024 * 1024), scopes: ["read"] } });
    expect(tooLarge.status).toBe(413);
    expect({ tokens: await db().apiToken.count(), deployments: await db().deployment.count(), approvals: await db().approval.count() }).toEqual(before);
    expect((await call(routes.request.GET, { path: "/requests/999999", token, params: { number: "999999" } })).status).toBe(404);
    expect((await call(routes.deployment.GET, { path: "/deployments/nope", token, params: { id: "nope" } })).status).toBe(404);
  });
});

describe("requests", () => {
  it("list newest first in keyset pages that cover everything once, with filters", async () => {
    const token = await tokenFor(fx.users.manager, ["read"]);
    for (let i = 0; i < 5; i += 1) await requestInReview(`page ${i}`);
    await db().migrationRequest.updateMany({ where: { title: { in: ["page 1", "page 3"] } }, data: { branch: "feature/pages" } });
    const all = await call(routes.requests.GET, { path: "/requests?limit=100", token });
    const numbers: number[] = all.body.requests.map((r: { number: number }) => r.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    const paged: number[] = [];
    let cursor: number | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(routes.requests.GET, { path: `/requests?limit=2${cursor ? `&cursor=${cursor}` : ""}`, token });
      expect(page.status).toBe(200);
      expect(page.body.requests.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.requests.map((r: { number: number }) => r.number));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(numbers);

    const first = all.body.requests[0];
    expect(first).toMatchObject({ project: fx.project.slug, status: "in_review", url: `http://localhost:3000/requests/${first.number}` });
    const branch = await call(routes.requests.GET, { path: "/requests?branch=feature%2Fpages", token });
    expect(branch.body.requests.map((r: { title: string }) => r.title).sort()).toEqual(["page 1", "page 3"]);
    const statuses = await call(routes.requests.GET, { path: `/requests?project=${fx.project.slug}&status=approved,deployed`, token });
    expect(statuses.body.requests.every((r: { status: string }) => ["approved", "deployed"].includes(r.status))).toBe(true);
  });

  it("report per environment what is approved, deployed and missing, without writing anything", async () => {
    const reader = await tokenFor(fx.users.requester, ["read"]);
    const approver = await tokenFor(fx.users.approver, ["approve"]);
    const request = await requestInReview("where it stands");
    const get = () => call(routes.request.GET, { path: `/requests/${request.number}`, token: reader, params: { number: String(request.number) } });

    const events = await db().auditEvent.count();
    const stored = await db().migrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    const before = await get();
    expect(before.status).toBe(200);
    expect(await db().auditEvent.count()).toBe(events);
    expect((await db().migrationRequest.findUniqueOrThrow({ where: { id: request.id } })).updatedAt).toEqual(stored.updatedAt);
    expect(before.body.request).toMatchObject({ number: request.number, status: "in_review", project: fx.project.slug, requester: { email: fx.users.requester.email }, approvals: [] });
    expect(before.body.request.migrations).toEqual([{ name: expect.any(String), checksum: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(before.body.request.environments.map((e: { name: string }) => e.name)).toEqual(["dev", "staging", "prod"]);
    for (const environment of before.body.request.environments) {
      expect(environment).toMatchObject({ approved: false, deployed: false, lastDeployment: null });
      expect(environment.missing.join("; ")).toMatch(/needs 1 more approval/);
    }

    const decided = await call(routes.approvals.POST, {
      method: "POST",
      path: `/requests/${request.number}/approvals`,
      token: approver,
      params: { number: String(request.number) },
      body: { decision: "approved", comment: "looks safe", environment: "staging" },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    expect(decided.body).toMatchObject({ approval: { decision: "approved", environment: "staging" }, request: { number: request.number, status: "approved" } });
    const event = await db().auditEvent.findFirstOrThrow({ where: { subjectId: request.id, action: "request.approved" } });
    expect(event.metadata).toMatchObject({ tokenId: expect.any(String) });

    const after = (await get()).body.request;
    expect(after.approvals).toEqual([expect.objectContaining({ approver: fx.users.approver.email, decision: "approved", environment: "staging", comment: "looks safe", counts: true })]);
    const byName = Object.fromEntries(after.environments.map((e: { name: string }) => [e.name, e]));
    expect(byName.staging.approved).toBe(true);
    expect(byName.dev.approved).toBe(false);
    expect(byName.prod.missing.join("; ")).toMatch(/staging not yet deployed/);

    const done = await db().deployment.create({ data: { requestId: request.id, environmentId: fx.environments.staging.id, startedById: fx.users.deployer.id, status: "succeeded", finishedAt: new Date() } });
    const deployed = (await get()).body.request.environments.find((e: { name: string }) => e.name === "staging");
    expect(deployed).toMatchObject({ deployed: true, lastDeployment: { id: done.id, status: "succeeded" } });
    expect(deployed.missing).toContain("already deployed to staging");

    const own = await call(routes.approvals.POST, {
      method: "POST",
      path: `/requests/${request.number}/approvals`,
      token: await tokenFor(fx.users.requester, ["approve"]),
      params: { number: String(request.number) },
      body: { decision: "approved" },
    });
    expect(own.status).toBe(403);
  });
});

describe("deployments", () => {
  it("start by request number and environment name, follow, list and stop", async () => {
    // One deploy per target at a time: free dev of what earlier tests queued there (no worker runs them).
    await db().deployment.updateMany({ where: { status: "queued" }, data: { status: "cancelled", finishedAt: new Date() } });
    const token = await tokenFor(fx.users.deployer, ["read", "deploy"]);
    const request = await fx.approvedRequest([{ name: `20261202000200_deploy_${Date.now().toString(36)}`, sql: `CREATE TABLE "deploy_${Date.now().toString(36)}" (id int);` }]);
    const started = await call(routes.deployments.POST, { method: "POST", path: "/deployments", token, body: { request: request.number, environment: "dev" } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const { id } = started.body.deployment;
    expect(started.body.deployment).toEqual({ id, status: "queued", environment: "dev", runAt: null, url: `http://localhost:3000/history/${id}` });
    const again = await call(routes.deployments.POST, { method: "POST", path: "/deployments", token, body: { request: request.number, environment: "dev" } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already has a deploy to dev queued/);

    const progress = await call(routes.deployment.GET, { path: `/deployments/${id}`, token, params: { id } });
    expect(progress.body).toMatchObject({ id, status: "queued", active: true, environment: "dev", request: { number: request.number }, mayStop: true });
    const readOnly = await tokenFor(fx.users.deployer, ["read"]);
    expect((await call(routes.deployment.GET, { path: `/deployments/${id}`, token: readOnly, params: { id } })).body.mayStop).toBe(false);

    const listed = await call(routes.deployments.GET, { path: `/deployments?project=${fx.project.slug}&environment=dev&status=queued`, token });
    expect(listed.body.deployments.map((d: { id: string }) => d.id)).toContain(id);
    expect(listed.body.deployments.every((d: { environment: string; status: string }) => d.environment === "dev" && d.status === "queued")).toBe(true);
    expect((await call(routes.deployments.GET, { path: "/deployments?environment=prod&status=queued", token })).body.deployments.map((d: { id: string }) => d.id)).not.toContain(id);

    const stopped = await call(routes.stop.POST, { method: "POST", path: `/deployments/${id}/stop`, token, params: { id } });
    expect(stopped.body).toEqual({ deployment: { id, status: "cancelled" } });
    const twice = await call(routes.stop.POST, { method: "POST", path: `/deployments/${id}/stop`, token, params: { id } });
    expect(twice.status).toBe(409);

    const refused = await call(routes.deployments.POST, { method: "POST", path: "/deployments", token, body: { request: request.number, environment: "prod" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/Deploy to prod refused: .*staging not yet deployed/);
  });
});

describe("audit", () => {
  it("pages by event id without gaps or repeats, filtered to what the token's owner may read", async () => {
    const token = await tokenFor(fx.users.manager, ["read"]);
    const all = await call(routes.audit.GET, { path: `/audit?project=${fx.project.slug}&limit=100`, token });
    expect(all.status).toBe(200);
    const ids: string[] = all.body.events.map((e: { id: string }) => e.id);
    expect(ids.length).toBeGreaterThan(3);
    expect(all.body.events.every((e: { project: string }) => e.project === fx.project.slug)).toBe(true);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(routes.audit.GET, { path: `/audit?project=${fx.project.slug}&limit=3${cursor ? `&cursor=${cursor}` : ""}`, token });
      paged.push(...page.body.events.map((e: { id: string }) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null && paged.length < 1000);
    expect(paged.slice(0, ids.length)).toEqual(ids);

    const approvals = await call(routes.audit.GET, { path: "/audit?action=request.approved&limit=100", token });
    expect(approvals.body.events.length).toBeGreaterThan(0);
    expect(approvals.body.events.every((e: { action: string }) => e.action === "request.approved")).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await call(routes.audit.GET, { path: `/audit?from=${today}&to=${today}&actor=approver`, token })).body.events.length).toBeGreaterThan(0);
    expect((await call(routes.audit.GET, { path: "/audit?project=someone-elses", token })).status).toBe(404);
  });
});

describe("tokens over the API", () => {
  it("show the secret once, list it without, and stop working when revoked", async () => {
    const token = await tokenFor(fx.users.approver, ["read", "approve"]);
    const made = await call(routes.tokens.POST, { method: "POST", path: "/tokens", token, body: { name: "pipeline", scopes: ["read"], projects: [fx.project.slug], expiresAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatchObject({ name: "pipeline", kind: "personal", scopes: ["read"], projects: [fx.project.slug], state: "active", owner: { email: fx.users.approver.email } });
    const secret: string = made.body.token.secret;
    expect(secret.startsWith(made.body.token.prefix)).toBe(true);

    const listed = await call(routes.tokens.GET, { path: "/tokens", token: secret });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.tokens.find((t: { id: string }) => t.id === made.body.token.id)).toMatchObject({ name: "pipeline", lastUsedAt: expect.any(String), revokedAt: null });
    expect(listed.body.tokens.every((t: { owner: { id: string } }) => t.owner.id === fx.users.approver.id)).toBe(true);

    const wider = await call(routes.tokens.POST, { method: "POST", path: "/tokens", token: secret, body: { name: "wider", scopes: ["approve"], projects: [fx.project.slug] } });
    expect(wider.status).toBe(403);

    const revoked = await call(routes.token.DELETE, { method: "DELETE", path: `/tokens/${made.body.token.id}`, token, params: { id: made.body.token.id } });
    expect(revoked.body.token).toMatchObject({ id: made.body.token.id, revokedAt: expect.any(String) });
    expect((await call(routes.tokens.GET, { path: "/tokens", token: secret })).status).toBe(401);
  });

  it("let an admin make a service token for a member, and nobody else", async () => {
    const bot = await db().user.create({ data: { email: `ci-${Date.now()}@example.test`, name: "CI", kind: "service" } });
    await db().membership.create({ data: { userId: bot.id, projectId: fx.project.id, role: "requester" } });
    const admin = await tokenFor(fx.users.admin, ["admin"]);
    const made = await call(routes.tokens.POST, { method: "POST", path: "/tokens", token: admin, body: { name: "ci", scopes: ["read", "submit"], userId: bot.id } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.token).toMatchObject({ kind: "service", owner: { id: bot.id }, projects: [] });
    const deployer = await tokenFor(fx.users.deployer, ["admin", "read"]);
    expect((await call(routes.tokens.POST, { method: "POST", path: "/tokens", token: deployer, body: { name: "ci", scopes: ["read"], userId: bot.id } })).status).toBe(403);
    expect((await call(routes.token.DELETE, { method: "DELETE", path: `/tokens/${made.body.token.id}`, token: deployer, params: { id: made.body.token.id } })).status).toBe(403);
  });
});

describe("a browser session", () => {
  it("reads, and changes things only from Sluice's own pages", async () => {
    session.user = { id: fx.users.deployer.id, email: fx.users.deployer.email, name: fx.users.deployer.name };
    try {
      expect((await call(routes.requests.GET, { path: "/requests" })).status).toBe(200);
      const crossSite = await call(routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x", scopes: ["read"] }, headers: { origin: "https://evil.example" } });
      expect(crossSite.status).toBe(403);
      const noOrigin = await call(routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "x", scopes: ["read"] } });
      expect(noOrigin.status).toBe(403);
      const own = await call(routes.tokens.POST, { method: "POST", path: "/tokens", body: { name: "from the page", scopes: ["read"] }, headers: { origin: "http://localhost", host: "localhost" } });
      expect(own.status).toBe(201);
    } finally {
      session.user = null;
    }
  });
});
