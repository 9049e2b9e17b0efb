import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RouteHandler } from "@/lib/testing/api-session";
import { NextRequest } from "next/server";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { createGitRemote, type GitRemoteFixture } from "@/lib/sources/testing";
import type { TokenScope } from "@/lib/auth/token-scopes";

// /api/v1/projects called as Next calls the route handlers, with real bearer tokens, a real
// control plane and a real bare repository. next-auth cannot load outside Next: the session is stood in for.
vi.mock("@/lib/auth/session", () => import("@/lib/testing/api-session"));

type Handler = RouteHandler;

let fx: DeployFixture;
let remote: GitRemoteFixture;
let dataDir: string;
let createApiToken: typeof import("@/lib/server/tokens").createApiToken;
let db: typeof import("@/lib/db").db;
const routes = {} as {
  collection: typeof import("@/app/api/v1/projects/route");
  one: typeof import("@/app/api/v1/projects/[slug]/route");
  refresh: typeof import("@/app/api/v1/projects/[slug]/refresh/route");
};
const WEBHOOK_SECRET = "whsec-api-0123456789abcdef";

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "sluice-projects-api-"));
  process.env.SLUICE_DATA_DIR = dataDir;
  fx = await createDeployFixture();
  remote = createGitRemote();
  remote.commit({ "prisma/migrations/20260101000000_init/migration.sql": "CREATE TABLE t (id int);\n" }, "Initial");
  db = (await import("@/lib/db")).db;
  createApiToken = (await import("@/lib/server/tokens")).createApiToken;
  await db().user.update({ where: { id: fx.users.admin.id }, data: { siteAdmin: true } });
  Object.assign(routes, {
    collection: await import("@/app/api/v1/projects/route"),
    one: await import("@/app/api/v1/projects/[slug]/route"),
    refresh: await import("@/app/api/v1/projects/[slug]/refresh/route"),
  });
});
afterAll(async () => {
  await fx?.drop();
  remote?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(handler: Handler, options: { method?: string; token?: string | null; body?: unknown; params?: Record<string, string>; headers?: Record<string, string> }) {
  const { method = "GET", token = null, body, params = {}, headers: extra = {} } = options;
  const headers: Record<string, string> = { ...extra };
  if (token) headers.authorization = `Bearer ${token}`;
  const init: { method: string; headers: Record<string, string>; body?: string } = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] ??= "application/json";
  }
  const response = await handler(new NextRequest(`http://localhost/api/v1/projects${params.slug ? `/${params.slug}` : ""}`, init), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function tokenFor(role: keyof DeployFixture["users"], scopes: TokenScope[]) {
  const user = fx.users[role];
  return (await createApiToken({ ...user, siteAdmin: role === "admin" }, { userId: user.id, name: `${role} ${scopes.join("+")} ${Math.random()}`, scopes })).secret;
}

describe("/api/v1/projects", () => {
  let slug: string;

  it("creates a git project for a site admin's admin token (201, fetched at once)", async () => {
    slug = `api-${Date.now().toString(36)}`;
    const admin = await tokenFor("admin", ["admin"]);
    const created = await call(routes.collection.POST, { method: "POST", token: admin, body: { slug, name: "API project", source: { kind: "git", url: remote.bare, webhookSecret: WEBHOOK_SECRET } } });
    expect(created.status).toBe(201);
    expect(created.body.fetch).toEqual({ ok: true, headCommit: remote.git("rev-parse", "HEAD") });
    expect(created.body.project).toMatchObject({ slug, sourceKind: "git", gitBranch: "main", gitPath: "prisma/migrations", role: "admin", webhookSecretSet: true, headSubject: "Initial" });
    expect(JSON.stringify(created.body)).not.toContain(WEBHOOK_SECRET);
  });

  it("answers bad input with a 400 naming the field, and stores nothing", async () => {
    const admin = await tokenFor("admin", ["admin"]);
    const before = await db().project.count();
    const cases: [unknown, RegExp][] = [
      [{ slug: "x", name: "n", source: { kind: "upload" } }, /^slug: must be 2 to 49/],
      [{ slug: "ok-slug", name: "n", source: { kind: "git", url: "https://u:ghp_SECRET123@github.com/a/b.git" } }, /^url: remove the user name and password/],
      [{ slug: "ok-slug", name: "n", source: { kind: "ftp" } }, /kind/],
      [{ slug: "ok-slug", name: "n", source: { kind: "git", url: remote.bare, refreshIntervalMinutes: "5" } }, /refreshIntervalMinutes: must be a number of minutes/],
      ["{not json", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const answer = await call(routes.collection.POST, { method: "POST", token: admin, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe("BAD_INPUT");
      expect(answer.body.error.message).toMatch(message);
      expect(JSON.stringify(answer.body)).not.toContain("ghp_SECRET123");
    }
    expect(await db().project.count()).toBe(before);
  });

  it("refuses creation without the admin scope or to a project admin who is not a site admin", async () => {
    const body = { slug: "never-made", name: "n", source: { kind: "upload" } };
    expect((await call(routes.collection.POST, { method: "POST", token: await tokenFor("admin", ["read", "submit"]), body })).status).toBe(403);
    expect((await call(routes.collection.POST, { method: "POST", token: await tokenFor("deployer", ["admin"]), body })).status).toBe(403);
    expect((await call(routes.collection.POST, { method: "POST", body })).status).toBe(401);
  });

  it("lists and gets projects for members; strangers get 404, not a hint", async () => {
    const read = await tokenFor("admin", ["read"]);
    const listed = await call(routes.collection.GET, { token: read });
    expect(listed.status).toBe(200);
    expect(listed.body.projects.map((p: { slug: string }) => p.slug)).toEqual(expect.arrayContaining([slug, fx.project.slug]));
    const one = await call(routes.one.GET, { token: read, params: { slug } });
    expect(one.body.project).toMatchObject({ slug, environments: [] });
    const stranger = await tokenFor("requester", ["read"]);
    expect((await call(routes.one.GET, { token: stranger, params: { slug } })).status).toBe(404);
    expect((await call(routes.one.GET, { token: read, params: { slug: "no-such-project" } })).status).toBe(404);
    expect((await call(routes.collection.GET, { token: await tokenFor("requester", ["submit"]) })).status).toBe(403);
  });

  it("changes a project with PATCH and says what the new fetch found", async () => {
    const admin = await tokenFor("admin", ["admin"]);
    const answer = await call(routes.one.PATCH, { method: "PATCH", token: admin, params: { slug }, body: { name: "Renamed", branch: "nope" } });
    expect(answer.status).toBe(200);
    expect(answer.body.project).toMatchObject({ name: "Renamed", gitBranch: "nope", headCommit: null });
    expect(answer.body.fetch).toEqual({ ok: false, error: 'The branch "nope" does not exist in the repository: it has main.' });
    expect((await call(routes.one.PATCH, { method: "PATCH", token: admin, params: { slug }, body: { colour: "red" } })).status).toBe(400);
    expect((await call(routes.one.PATCH, { method: "PATCH", token: admin, params: { slug }, body: { branch: "main" } })).body.fetch).toMatchObject({ ok: true });
  });

  describe("POST /projects/{slug}/refresh", () => {
    const push = JSON.stringify({ ref: "refs/heads/main", commits: [] });
    const signed = (secret: string, body = push) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

    it("takes a push webhook signed with the project's secret", async () => {
      const commit = remote.commit({ "prisma/migrations/20260102000000_next/migration.sql": "SELECT 1;\n" }, "Next");
      const answer = await call(routes.refresh.POST, { method: "POST", params: { slug }, body: push, headers: { "x-hub-signature-256": signed(WEBHOOK_SECRET), "x-github-event": "push" } });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ changed: true, headCommit: commit, project: { slug, headCommit: commit, role: null } });
      const again = await call(routes.refresh.POST, { method: "POST", params: { slug }, body: push, headers: { "x-sluice-signature": signed(WEBHOOK_SECRET) } });
      expect(again.body).toMatchObject({ changed: false, previousCommit: commit, headCommit: commit });
    });

    it("answers 401 to a missing or wrong signature, and to an unknown project without saying so", async () => {
      const attempts = [
        await call(routes.refresh.POST, { method: "POST", params: { slug }, body: push }),
        await call(routes.refresh.POST, { method: "POST", params: { slug }, body: push, headers: { "x-hub-signature-256": signed("not-the-secret-at-all") } }),
        await call(routes.refresh.POST, { method: "POST", params: { slug }, body: `${push}\n`, headers: { "x-hub-signature-256": signed(WEBHOOK_SECRET) } }),
        await call(routes.refresh.POST, { method: "POST", params: { slug: "no-such-project" }, body: push, headers: { "x-hub-signature-256": signed(WEBHOOK_SECRET) } }),
      ];
      expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401]);
      expect(attempts[3].body.error.message).toBe(attempts[1].body.error.message);
      expect((await call(routes.refresh.POST, { method: "POST", token: "slu_not-a-token", params: { slug } })).status).toBe(401);
    });

    it("takes a member's token; an unknown project is then 404, a failed fetch 409 or 502 with its reason", async () => {
      const member = await tokenFor("admin", ["read"]);
      expect((await call(routes.refresh.POST, { method: "POST", token: member, params: { slug } })).status).toBe(200);
      expect((await call(routes.refresh.POST, { method: "POST", token: member, params: { slug: "no-such-project" } })).status).toBe(404);
      const admin = await tokenFor("admin", ["admin"]);
      remote.git("push", "--quiet", "origin", "HEAD:refs/heads/release");
      expect((await call(routes.one.PATCH, { method: "PATCH", token: admin, params: { slug }, body: { branch: "release" } })).body.fetch).toMatchObject({ ok: true });
      remote.git("push", "--quiet", "origin", "--delete", "release");
      const failed = await call(routes.refresh.POST, { method: "POST", token: member, params: { slug } });
      expect(failed.status).toBe(409);
      expect(failed.body.error.message).toBe('The branch "release" does not exist in the repository: it has main.');
      expect((await db().project.findUniqueOrThrow({ where: { slug } })).lastFetchError).toBe(failed.body.error.message);

      await call(routes.one.PATCH, { method: "PATCH", token: admin, params: { slug }, body: { url: "https://127.0.0.1:1/acme/app.git", accessToken: "ghp_SECRETapi0123456789" } });
      const unreachable = await call(routes.refresh.POST, { method: "POST", token: member, params: { slug } });
      expect(unreachable.status).toBe(502);
      expect(unreachable.body.error.code).toBe("TARGET_FAILED");
      expect(unreachable.body.error.message).toMatch(/^Cannot reach https:\/\/127\.0\.0\.1:1\/acme\/app\.git/);
      expect(JSON.stringify(unreachable.body)).not.toContain("SECRET");
    });
  });
});
