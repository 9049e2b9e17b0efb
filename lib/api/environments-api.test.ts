import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RouteHandler } from "@/lib/testing/api-session";
import { NextRequest } from "next/server";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { testServerUrl } from "@/lib/testing/databases";
import type { TokenScope } from "@/lib/auth/token-scopes";

// /api/v1/projects/{slug}/environments called as Next calls the route handlers, with real
// bearer tokens, against a real control plane and real targets. next-auth cannot load outside
// Next, so the browser session is stood in for.
vi.mock("@/lib/auth/session", () => import("@/lib/testing/api-session"));

type Handler = RouteHandler;

let fx: DeployFixture;
let dataDir: string;
let createApiToken: typeof import("@/lib/server/tokens").createApiToken;
let db: typeof import("@/lib/db").db;
const routes = {} as {
  collection: typeof import("@/app/api/v1/projects/[slug]/environments/route");
  order: typeof import("@/app/api/v1/projects/[slug]/environments/order/route");
  one: typeof import("@/app/api/v1/projects/[slug]/environments/[name]/route");
  test: typeof import("@/app/api/v1/projects/[slug]/environments/[name]/test/route");
};

const PASSWORD = "api-pw-9d1c";
function url(database: string, query = ""): string {
  const server = new URL(testServerUrl());
  return `postgresql://${server.username}:${PASSWORD}@${server.host}/${database}${query}`;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "sluice-env-api-"));
  process.env.SLUICE_DATA_DIR = dataDir;
  fx = await createDeployFixture();
  db = (await import("@/lib/db")).db;
  createApiToken = (await import("@/lib/server/tokens")).createApiToken;
  Object.assign(routes, {
    collection: await import("@/app/api/v1/projects/[slug]/environments/route"),
    order: await import("@/app/api/v1/projects/[slug]/environments/order/route"),
    one: await import("@/app/api/v1/projects/[slug]/environments/[name]/route"),
    test: await import("@/app/api/v1/projects/[slug]/environments/[name]/test/route"),
  });
});
afterAll(async () => {
  await fx?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(handler: Handler, { method = "GET", token, body, params }: { method?: string; token: string | null; body?: unknown; params: Record<string, string> }) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const init: { method: string; headers: Record<string, string>; body?: string } = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  const response = await handler(new NextRequest(`http://localhost/api/v1/projects/${params.slug}/environments`, init), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function tokenFor(role: keyof DeployFixture["users"], scopes: TokenScope[]) {
  const user = fx.users[role];
  return (await createApiToken(user, { userId: user.id, name: `${role} ${scopes.join("+")} ${Math.random()}`, scopes })).secret;
}

describe("/api/v1/projects/{slug}/environments", () => {
  it("lists the chain to any member with a read token, URLs redacted; refuses strangers", async () => {
    const slug = fx.project.slug;
    const listed = await call(routes.collection.GET, { token: await tokenFor("requester", ["read"]), params: { slug } });
    expect(listed.status).toBe(200);
    expect(listed.body.environments.map((e: { name: string; position: number }) => `${e.position}:${e.name}`)).toEqual(["0:dev", "1:staging", "2:prod"]);
    expect(listed.body.environments[0]).toEqual({ name: "dev", position: 0, url: expect.stringContaining("postgres"), schema: "public", sslmode: null, hasCaCert: false, timeZone: "UTC" });

    expect((await call(routes.collection.GET, { token: null, params: { slug } })).status).toBe(401);
    expect((await call(routes.collection.GET, { token: await tokenFor("requester", ["read"]), params: { slug: "no-such-project" } })).status).toBe(404);
  });

  it("adds, changes, reorders, tests and removes an environment with an admin token, and refuses other scopes", async () => {
    const slug = fx.project.slug;
    const admin = await tokenFor("admin", ["admin"]);
    const deployToken = await tokenFor("admin", ["deploy", "read"]);

    const refused = await call(routes.collection.POST, { method: "POST", token: deployToken, params: { slug }, body: { name: "qa", url: url(fx.environments.dev.url.split("/").pop()!) } });
    expect(refused.status).toBe(403);
    const notAdmin = await call(routes.collection.POST, { method: "POST", token: await tokenFor("deployer", ["admin"]), params: { slug }, body: { name: "qa", url: url("x") } });
    expect(notAdmin.status).toBe(403);

    // The fixture's dev database, reachable: the test below connects for real.
    const realUrl = `${fx.environments.dev.url}?schema=qa_schema`;
    const realPassword = new URL(realUrl).password;
    const created = await call(routes.collection.POST, { method: "POST", token: admin, params: { slug }, body: { name: "qa", url: realUrl, timeZone: "Europe/Paris" } });
    expect(created.status).toBe(201);
    expect(created.body.environment).toEqual({ name: "qa", position: 3, url: expect.stringContaining("/tgt_dev"), schema: "qa_schema", sslmode: null, hasCaCert: false, timeZone: "Europe/Paris" });
    if (realPassword) expect(JSON.stringify(created.body)).not.toContain(realPassword);

    const renamed = await call(routes.one.PATCH, { method: "PATCH", token: admin, params: { slug, name: "qa" }, body: { name: "uat" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.environment.name).toBe("uat");

    const order = await call(routes.order.PUT, { method: "PUT", token: admin, params: { slug }, body: { names: ["dev", "uat", "staging", "prod"] } });
    expect(order.status).toBe(200);
    expect(order.body.environments.map((e: { name: string }) => e.name)).toEqual(["dev", "uat", "staging", "prod"]);

    const tested = await call(routes.test.POST, { method: "POST", token: admin, params: { slug, name: "uat" } });
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ ok: true, schema: "qa_schema", schemaExists: false, canCreate: true, historyTable: { exists: false, rows: null } });
    const testedByDeployer = await call(routes.test.POST, { method: "POST", token: await tokenFor("deployer", ["admin"]), params: { slug, name: "uat" } });
    expect(testedByDeployer.status).toBe(403);

    const removed = await call(routes.one.DELETE, { method: "DELETE", token: admin, params: { slug, name: "uat" } });
    expect(removed).toEqual({ status: 200, body: { removed: true, archived: false } });
    expect((await call(routes.one.DELETE, { method: "DELETE", token: admin, params: { slug, name: "uat" } })).status).toBe(404);
  });

  it("answers bad input with a 400 naming the field, storing nothing", async () => {
    const slug = fx.project.slug;
    const admin = await tokenFor("admin", ["admin"]);
    const before = await db().environment.count();
    const cases: [unknown, RegExp][] = [
      [{ name: "Bad Name", url: url("d") }, /^name: must be 1 to 40 lowercase letters/],
      [{ name: "ok", url: `mysql://a:${PASSWORD}@h/d` }, /^url: must start with postgresql:\/\//],
      [{ name: "ok", url: url("d", "?sslmode=bogus") }, /^url: sslmode "bogus" is not one of/],
      [{ name: "ok", url: url("d", "?sslmode=verify-full"), caCert: "nope" }, /^caCert: must be a PEM certificate/],
      [{ name: "ok", url: url("d"), extra: 1 }, /^body: Unrecognized key/i],
      [{ name: "ok" }, /^url: /],
      ["not json", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const answer = await call(routes.collection.POST, { method: "POST", token: admin, params: { slug }, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.message).toMatch(message);
      expect(answer.body.error.message).not.toContain(PASSWORD);
    }
    const reorder = await call(routes.order.PUT, { method: "PUT", token: admin, params: { slug }, body: { names: ["dev", "prod"] } });
    expect(reorder.status).toBe(400);
    expect(reorder.body.error.message).toMatch(/missing staging/);
    expect(await db().environment.count()).toBe(before);
  });

  it("refuses removal (409) while a deploy is queued there", async () => {
    const slug = fx.project.slug;
    const admin = await tokenFor("admin", ["admin"]);
    const request = await fx.approvedRequest([{ name: "20260201000000_api", sql: "SELECT 1;" }]);
    const deployment = await db().deployment.create({ data: { requestId: request.id, environmentId: fx.environments.staging.id, startedById: fx.users.deployer.id, status: "queued" } });
    const answer = await call(routes.one.DELETE, { method: "DELETE", token: admin, params: { slug, name: "staging" } });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/A deploy to staging is queued or running/) });
    await db().deployment.update({ where: { id: deployment.id }, data: { status: "cancelled", finishedAt: new Date() } });
  });
});
