import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { createGitRemote, type GitRemoteFixture } from "@/lib/sources/testing";
import { query } from "@/lib/testing/databases";
import type { CurrentUser } from "@/lib/auth/roles";

// Integration: projects with a real bare git repository, a real control plane and real targets.
let fx: DeployFixture;
let remote: GitRemoteFixture;
let dataDir: string;
let siteAdmin: CurrentUser;
let lib: {
  db: typeof import("@/lib/db").db;
  createProject: typeof import("./create-project").createProject;
  updateProject: typeof import("./update-project").updateProject;
  refreshProject: typeof import("./refresh-project").refreshProject;
  refreshDueProjects: typeof import("./refresh-due").refreshDueProjects;
  refreshFromRequest: typeof import("./webhook").refreshFromRequest;
  listProjects: typeof import("./queries").listProjects;
  getProject: typeof import("./queries").getProject;
  sourceMigrations: typeof import("../projects").sourceMigrations;
  createRequest: typeof import("../requests").createRequest;
  decideRequest: typeof import("../requests").decideRequest;
  deployRequest: typeof import("../deployments").deployRequest;
  runDeployment: typeof import("@/lib/deploy/run").runDeployment;
  loadMigrationMatrices: typeof import("../matrix").loadMigrationMatrices;
};

const FOLDER = "prisma/migrations";
const SECRET = "ghp_SECRETtoken0123456789abcdefghijklmnop";
let slugSeq = 0;
const slug = (prefix = "p") => `${prefix}-${Date.now().toString(36)}-${++slugSeq}`;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "sluice-data-"));
  process.env.SLUICE_DATA_DIR = dataDir;
  fx = await createDeployFixture();
  remote = createGitRemote();
  remote.commit(
    {
      [`${FOLDER}/migration_lock.toml`]: 'provider = "postgresql"\n',
      [`${FOLDER}/20260101000000_init/migration.sql`]: 'CREATE TABLE "widgets" (id int PRIMARY KEY);\n',
      [`${FOLDER}/20260101000000_init/down.sql`]: 'DROP TABLE "widgets";\n',
    },
    "Initial schema",
  );
  lib = {
    db: (await import("@/lib/db")).db,
    ...(await import("./create-project")),
    ...(await import("./update-project")),
    ...(await import("./refresh-project")),
    ...(await import("./refresh-due")),
    ...(await import("./webhook")),
    ...(await import("./queries")),
    sourceMigrations: (await import("../projects")).sourceMigrations,
    createRequest: (await import("../requests")).createRequest,
    decideRequest: (await import("../requests")).decideRequest,
    deployRequest: (await import("../deployments")).deployRequest,
    runDeployment: (await import("@/lib/deploy/run")).runDeployment,
    loadMigrationMatrices: (await import("../matrix")).loadMigrationMatrices,
  };
  await lib.db().user.update({ where: { id: fx.users.admin.id }, data: { siteAdmin: true } });
  siteAdmin = { ...fx.users.admin, siteAdmin: true };
});
afterAll(async () => {
  await fx?.drop();
  remote?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

async function projectRow(projectSlug: string) {
  return lib.db().project.findUniqueOrThrow({ where: { slug: projectSlug } });
}

/** JSON of database rows (audit ids are BigInt). */
function dump(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

async function auditRows(projectId: string) {
  return lib.db().auditEvent.findMany({ where: { projectId }, orderBy: { id: "asc" } });
}

describe("creating a project", () => {
  it("from a git repository: fetches at once, stores a snapshot, makes the creator its admin, audits without secrets", async () => {
    const s = slug("git");
    const head = remote.git("rev-parse", "HEAD");
    const { project, fetch } = await lib.createProject(siteAdmin, { slug: s, name: "Widgets", source: { kind: "git", url: remote.bare, webhookSecret: "whsec-0123456789abcdef" } });
    expect(fetch).toEqual({ ok: true, headCommit: head });
    expect(project).toMatchObject({
      slug: s,
      name: "Widgets",
      sourceKind: "git",
      gitUrl: remote.bare,
      gitBranch: "main",
      gitPath: FOLDER,
      headCommit: head,
      headSubject: "Initial schema",
      lastFetchError: null,
      accessTokenSet: false,
      webhookSecretSet: true,
      role: "admin",
      environments: [],
      refreshUrl: `http://localhost:3000/api/v1/projects/${s}/refresh`,
    });
    expect(project.snapshot).toMatchObject({ origin: "git", commit: head, branch: "main" });
    const row = await projectRow(s);
    expect(row.webhookSecretEncrypted).not.toContain("whsec");
    const files = await lib.sourceMigrations(row);
    expect(files.map((f) => f.name)).toEqual(["20260101000000_init"]);
    expect(files[0].downSql).toBe('DROP TABLE "widgets";\n');
    const events = await auditRows(row.id);
    expect(events.map((e) => e.action)).toEqual(["project.created", "project.refreshed"]);
    expect(events[0].after).toMatchObject({ slug: s, source: { kind: "git", url: remote.bare, branch: "main", webhookSecret: "set", accessToken: "none" } });
    expect(dump(events)).not.toContain("whsec-0123456789abcdef");
    expect(events[1].after).toMatchObject({ headCommit: head, migrations: 1 });
  });

  it("from a folder or uploads, and lists what the viewer may see", async () => {
    const folder = slug("folder");
    const upload = slug("upload");
    await lib.createProject(siteAdmin, { slug: folder, name: "Folder one", source: { kind: "folder", path: fx.project.migrationsPath } });
    const { project, fetch } = await lib.createProject(siteAdmin, { slug: upload, name: "Uploaded one", source: { kind: "upload" } });
    expect(fetch).toBeNull();
    expect(project).toMatchObject({ sourceKind: "upload", snapshot: null, gitUrl: null });
    expect(await lib.sourceMigrations(await projectRow(upload))).toEqual([]);
    const listed = (await lib.listProjects(siteAdmin)).map((p) => p.slug);
    expect(listed).toEqual(expect.arrayContaining([folder, upload, fx.project.slug]));
    // Someone who is not a member sees neither, and may not learn they exist.
    const outsider = await lib.db().user.create({ data: { email: `outsider-${slugSeq}@example.test`, name: "Outsider" } });
    expect((await lib.listProjects(outsider)).map((p) => p.slug)).toEqual([]);
    await expect(lib.getProject(outsider, upload)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is for site admins only; a bad source is refused with 400 and nothing stored", async () => {
    const before = await lib.db().project.count();
    await expect(lib.createProject(fx.users.admin, { slug: slug(), name: "x", source: { kind: "upload" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const bad: [unknown, RegExp][] = [
      [{ slug: "A_bad", name: "x", source: { kind: "upload" } }, /^slug: must be 2 to 49 lowercase/],
      [{ slug: slug(), name: "", source: { kind: "upload" } }, /^name: give the project a name/],
      [{ slug: slug(), name: "x", source: { kind: "svn" } }, /kind/],
      [{ slug: slug(), name: "x", source: { kind: "git", url: `https://bot:${SECRET}@github.com/acme/app.git` } }, /put the token in the access token field/],
      [{ slug: slug(), name: "x", source: { kind: "git", url: "ext::sh -c touch% /tmp/x" } }, /^url: /],
      [{ slug: slug(), name: "x", source: { kind: "git", url: "git@github.com:acme/app.git" } }, /SSH addresses are not supported/],
      [{ slug: slug(), name: "x", source: { kind: "git", url: "http://git.internal/app.git", accessToken: SECRET } }, /only sent over https/],
      [{ slug: slug(), name: "x", source: { kind: "git", url: remote.bare, branch: "-x" } }, /^source\.branch: is not a valid git branch name/],
      [{ slug: slug(), name: "x", source: { kind: "git", url: remote.bare, path: "../etc" } }, /^source\.path: must be a folder inside the repository/],
      [{ slug: slug(), name: "x", source: { kind: "git", url: remote.bare, refreshIntervalMinutes: 0 } }, /refreshIntervalMinutes: must be at least 1 minute/],
      [{ slug: slug(), name: "x", source: { kind: "git", url: remote.bare, webhookSecret: "short" } }, /webhookSecret: must be at least 16 characters/],
      [{ slug: slug(), name: "x", source: { kind: "git", url: remote.bare, accessToken: "a\r\nX-Evil: 1" } }, /accessToken: must be printable characters without spaces/],
      [{ slug: slug(), name: "x", source: { kind: "folder", path: "/nonexistent/migrations" } }, /^path: Cannot read migrations directory/],
      [{ slug: slug(), name: "x", source: { kind: "upload" }, owner: "me" }, /Unrecognized key/i],
    ];
    for (const [input, message] of bad) {
      const error = await lib.createProject(siteAdmin, input as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toMatchObject({ code: "BAD_INPUT" });
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("SECRET");
    }
    expect(await lib.db().project.count()).toBe(before);
  });

  it("refuses a slug that is taken", async () => {
    await expect(lib.createProject(siteAdmin, { slug: fx.project.slug, name: "Again", source: { kind: "upload" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("still creates the project when the first fetch fails, and says why", async () => {
    const missingBranch = slug();
    const created = await lib.createProject(siteAdmin, { slug: missingBranch, name: "Develop", source: { kind: "git", url: `file://${remote.bare}`, branch: "develop" } });
    expect(created.fetch).toEqual({ ok: false, error: 'The branch "develop" does not exist in the repository: it has main.' });
    expect(created.project).toMatchObject({ headCommit: null, snapshot: null, lastFetchError: 'The branch "develop" does not exist in the repository: it has main.' });
    expect(created.project.lastFetchedAt).not.toBeNull();

    const missingFolder = slug();
    const other = await lib.createProject(siteAdmin, { slug: missingFolder, name: "Db", source: { kind: "git", url: remote.bare, path: "db/migrations" } });
    expect(other.fetch?.error).toMatch(/^The folder "db\/migrations" does not exist at commit [0-9a-f]{7}\.$/);
    const events = await auditRows((await projectRow(missingFolder)).id);
    expect(events.map((e) => e.action)).toEqual(["project.created", "project.refresh_failed"]);
  });

  it("never stores, shows or audits the access token in plain text, even when the fetch fails", async () => {
    const s = slug("tok");
    const { project, fetch } = await lib.createProject(siteAdmin, { slug: s, name: "Token", source: { kind: "git", url: "https://127.0.0.1:1/acme/app.git", accessToken: SECRET } });
    expect(fetch?.ok).toBe(false);
    expect(fetch?.error).toMatch(/^Cannot reach https:\/\/127\.0\.0\.1:1\/acme\/app\.git/);
    expect(project.accessTokenSet).toBe(true);
    const row = await projectRow(s);
    const again = await lib.refreshProject(siteAdmin, row.id);
    await lib.updateProject(siteAdmin, s, { accessToken: `${SECRET}2` });
    await lib.updateProject(siteAdmin, s, { accessToken: null });
    const base64 = Buffer.from(`x-access-token:${SECRET}`).toString("base64");
    const everything = dump({
      row: await projectRow(s),
      audit: await lib.db().auditEvent.findMany(),
      again,
      views: await lib.listProjects(siteAdmin),
    });
    expect(everything).not.toContain("SECRET");
    expect(everything).not.toContain(base64.slice(0, 20));
    const updates = (await auditRows(row.id)).filter((e) => e.action === "project.updated").map((e) => e.after);
    expect(updates).toEqual([{ accessToken: "replaced" }, { accessToken: "removed" }]);
  });
});

describe("refreshing", () => {
  it("follows the branch: a new commit gives a new snapshot, an unchanged head nothing new", async () => {
    const s = slug("follow");
    await lib.createProject(siteAdmin, { slug: s, name: "Follow", source: { kind: "git", url: remote.bare } });
    const row = await projectRow(s);
    const unchanged = await lib.refreshProject(siteAdmin, row.id);
    expect(unchanged).toMatchObject({ ok: true, changed: false });
    const commit = remote.commit({ [`${FOLDER}/20260102000000_gadgets/migration.sql`]: 'CREATE TABLE "gadgets" (id int);\n' }, "Add gadgets");
    const moved = await lib.refreshProject(siteAdmin, row.id);
    expect(moved).toMatchObject({ ok: true, changed: true, previousCommit: row.headCommit, headCommit: commit, migrations: 2 });
    const after = await projectRow(s);
    expect(after.currentSnapshotId).not.toBe(row.currentSnapshotId);
    expect((await lib.sourceMigrations(after)).map((m) => m.name)).toEqual(["20260101000000_init", "20260102000000_gadgets"]);
    expect((await auditRows(row.id)).map((e) => e.action)).toEqual(["project.created", "project.refreshed", "project.refreshed"]);
  });

  it("lets any member refresh, refuses outsiders and folder projects", async () => {
    const s = slug();
    await lib.createProject(siteAdmin, { slug: s, name: "Members", source: { kind: "git", url: remote.bare } });
    const row = await projectRow(s);
    const outsider = await lib.db().user.create({ data: { email: `nobody-${slugSeq}@example.test`, name: "Nobody" } });
    await expect(lib.refreshProject(outsider, row.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await lib.db().membership.create({ data: { userId: outsider.id, projectId: row.id, role: "manager" } });
    expect(await lib.refreshProject(outsider, row.id)).toMatchObject({ ok: true });
    await expect(lib.refreshProject(fx.users.admin, fx.project.id)).rejects.toThrow(/folder on the server: there is no repository to fetch/);
  });

  it("runs one fetch per project at a time: concurrent refreshes all succeed and store the commit once", async () => {
    const s = slug("race");
    await lib.createProject(siteAdmin, { slug: s, name: "Race", source: { kind: "git", url: remote.bare } });
    const row = await projectRow(s);
    const commit = remote.commit({ [`${FOLDER}/20260103000000_race/migration.sql`]: "SELECT 1;\n" }, "Race");
    const results = await Promise.all([0, 1, 2, 3].map(() => lib.refreshProject(siteAdmin, row.id)));
    expect(results.every((r) => r.ok && r.headCommit === commit)).toBe(true);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await lib.db().sourceSnapshot.count({ where: { projectId: row.id, commit } })).toBe(1);
    execFileSync("git", ["fsck", "--no-progress"], { cwd: path.join(dataDir, "mirrors", `${row.id}.git`), stdio: "pipe" });

    // A fetch that cannot get the lock in time gives up with a clear answer.
    const holder = new pg.Client({ connectionString: fx.controlPlane.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(72707370, hashtext($1))", [row.id]);
      await expect(lib.refreshProject(siteAdmin, row.id, { lockWaitMs: 300 })).rejects.toThrow(/Another fetch of this project's repository is still running/);
    } finally {
      await holder.end();
    }
  });

  it("on schedule: fetches git projects whose interval has elapsed, and audits a repeated failure once", async () => {
    const due = slug("sched");
    await lib.createProject(siteAdmin, { slug: due, name: "Scheduled", source: { kind: "git", url: remote.bare, refreshIntervalMinutes: 5 } });
    const broken = slug("sched");
    await lib.createProject(siteAdmin, { slug: broken, name: "Broken", source: { kind: "git", url: remote.bare, branch: "gone", refreshIntervalMinutes: 5 } });
    const dueRow = await projectRow(due);
    const brokenRow = await projectRow(broken);
    // Just fetched: not due yet.
    expect((await lib.refreshDueProjects()).map((o) => o.projectId)).not.toContain(dueRow.id);
    const commit = remote.commit({ [`${FOLDER}/20260104000000_sched/migration.sql`]: "SELECT 2;\n" }, "Scheduled change");
    const later = new Date(Date.now() + 5 * 60_000);
    const outcomes = await lib.refreshDueProjects(later);
    expect(outcomes.find((o) => o.projectId === dueRow.id)?.result).toMatchObject({ ok: true, changed: true, headCommit: commit });
    expect(outcomes.find((o) => o.projectId === brokenRow.id)?.result).toMatchObject({ ok: false, failure: "branch-missing" });
    await lib.refreshDueProjects(new Date(Date.now() + 11 * 60_000));
    const refreshedBySchedule = (await auditRows(dueRow.id)).filter((e) => e.actorEmail === "sluice-schedule");
    expect(refreshedBySchedule.map((e) => e.action)).toEqual(["project.refreshed"]);
    // Created with the failure, and the schedule failing the same way twice adds nothing.
    expect((await auditRows(brokenRow.id)).filter((e) => e.action === "project.refresh_failed")).toHaveLength(1);
  });
});

describe("changing a project", () => {
  it("audits what changed, re-fetches when the location changed, and keeps server paths for site admins", async () => {
    const s = slug("edit");
    await lib.createProject(siteAdmin, { slug: s, name: "Edit me", source: { kind: "git", url: remote.bare } });
    const row = await projectRow(s);
    await lib.db().membership.create({ data: { userId: fx.users.deployer.id, projectId: row.id, role: "admin" } });
    const projectAdmin = fx.users.deployer;

    const renamed = await lib.updateProject(projectAdmin, s, { name: "Edited", refreshIntervalMinutes: 15 });
    expect(renamed).toMatchObject({ fetch: null, project: { name: "Edited", refreshIntervalMinutes: 15, headCommit: row.headCommit } });
    // Same content as before: nothing changes, nothing is audited.
    await lib.updateProject(projectAdmin, s, { name: "Edited" });

    remote.commit({ "db/migrations/1_only/migration.sql": "SELECT 'db';\n" }, "Second folder", "release");
    const moved = await lib.updateProject(projectAdmin, s, { branch: "release", path: "./db/migrations/" });
    expect(moved.fetch).toMatchObject({ ok: true });
    expect(moved.project).toMatchObject({ gitBranch: "release", gitPath: "db/migrations", headSubject: "Second folder" });
    expect((await lib.sourceMigrations(await projectRow(s))).map((m) => m.name)).toEqual(["1_only"]);

    await expect(lib.updateProject(projectAdmin, s, { url: `file://${remote.bare}` })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.updateProject(projectAdmin, s, { kind: "folder", path: "/etc" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.updateProject(projectAdmin, s, { webhookSecret: "tiny" })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(lib.updateProject(fx.users.requester, s, { name: "Nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const toUpload = await lib.updateProject(projectAdmin, s, { kind: "upload" });
    expect(toUpload.project).toMatchObject({ sourceKind: "upload", headCommit: null, snapshot: null, gitUrl: null });
    await expect(lib.updateProject(projectAdmin, s, { branch: "main" })).rejects.toThrow(/^branch: applies only to a git source/);

    const updates = (await auditRows(row.id)).filter((e) => e.action === "project.updated");
    expect(updates.map((e) => e.after)).toEqual([
      { name: "Edited", refreshIntervalMinutes: 15 },
      { branch: "release", path: "db/migrations" },
      { kind: "upload", url: null, branch: null, path: null, refreshIntervalMinutes: null },
    ]);
  });
});

describe("a request made from a commit", () => {
  it("deploys that commit's files after the branch moved on, and the matrix shows the new head as pending", async () => {
    // The fixture's project (dev, staging, prod, one user per role) switched to the repository.
    const project = await lib.updateProject(siteAdmin, fx.project.slug, { kind: "git", url: remote.bare, branch: "main", path: FOLDER });
    expect(project.fetch?.ok).toBe(true);
    const pinnedCommit = project.project.headCommit!;
    const atPin = await lib.sourceMigrations(await projectRow(fx.project.slug));
    const first = atPin[0];

    const request = await lib.createRequest(fx.users.requester, { projectId: fx.project.id, title: "Initial schema", folderMigrations: [first.name], submit: true });
    expect(request).toMatchObject({ sourceCommit: pinnedCommit });
    expect(request.snapshotId).toBe((await projectRow(fx.project.slug)).currentSnapshotId);

    // The branch moves on: the reviewed file is edited and another is added.
    const newHead = remote.commit(
      { [`${FOLDER}/${first.name}/migration.sql`]: 'CREATE TABLE "widgets" (id bigint PRIMARY KEY, edited boolean);\n', [`${FOLDER}/20260201000000_after/migration.sql`]: 'CREATE TABLE "after_pin" (id int);\n' },
      "Edit the first migration and add one",
    );
    expect(await lib.refreshProject(fx.users.requester, fx.project.id)).toMatchObject({ ok: true, changed: true, headCommit: newHead });

    await lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved" });
    const deployment = await lib.deployRequest(fx.users.deployer, { requestId: request.id, environmentId: fx.environments.dev.id });
    expect(await lib.runDeployment(deployment.id, { workerId: "projects-test" })).toEqual({ claimed: true, status: "succeeded" });

    const applied = await query<{ migration_name: string; checksum: string }>(fx.environments.dev.url, "SELECT migration_name, checksum FROM _prisma_migrations ORDER BY started_at");
    expect(applied).toEqual([{ migration_name: first.name, checksum: first.checksum }]);
    const columns = await query<{ data_type: string }>(fx.environments.dev.url, "SELECT data_type FROM information_schema.columns WHERE table_name = 'widgets' AND column_name = 'id'");
    expect(columns).toEqual([{ data_type: "integer" }]);

    const matrix = (await lib.loadMigrationMatrices(fx.users.manager)).find((m) => m.projectId === fx.project.id)!;
    expect(matrix.source).toMatchObject({ kind: "git", branch: "main", headCommit: newHead, headSubject: "Edit the first migration and add one", lastFetchError: null });
    const devColumn = matrix.columns.findIndex((c) => c.name === "dev");
    const stateOf = (name: string) => matrix.rows.find((r) => r.name === name)?.cells[devColumn]?.state;
    expect(stateOf("20260201000000_after")).toBe("pending");
    // What dev holds is the reviewed file; the branch now says otherwise, and the matrix says so.
    expect(stateOf(first.name)).toBe("modified");
  });
});

describe("the refresh endpoint's credentials", () => {
  const body = JSON.stringify({ ref: "refs/heads/main", after: "0".repeat(40) });
  const sign = (secret: string, raw = body) => `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
  const secret = "whsec-endpoint-0123456789";
  let s: string;

  beforeAll(async () => {
    s = slug("hook");
    await lib.createProject(siteAdmin, { slug: s, name: "Hooked", source: { kind: "git", url: remote.bare, webhookSecret: secret } });
  });

  it("accepts a body signed with the webhook secret (GitHub's header or Sluice's) and GitLab's token", async () => {
    const commit = remote.commit({ [`${FOLDER}/20260301000000_hook/migration.sql`]: "SELECT 3;\n" }, "Pushed");
    const { result } = await lib.refreshFromRequest(null, s, body, { hubSignature: sign(secret) });
    expect(result).toMatchObject({ ok: true, changed: true, headCommit: commit });
    expect((await lib.refreshFromRequest(null, s, body, { sluiceSignature: sign(secret).toUpperCase().replace("SHA256=", "sha256=") })).result).toMatchObject({ ok: true, changed: false });
    expect((await lib.refreshFromRequest(null, s, body, { gitlabToken: secret })).result).toMatchObject({ ok: true });
    const events = (await auditRows((await projectRow(s)).id)).filter((e) => e.actorEmail === "sluice-webhook");
    expect(events.map((e) => e.action)).toEqual(["project.refreshed"]);
  });

  it("refuses a bad or missing signature, and answers an unknown project the same way", async () => {
    const refused = [
      lib.refreshFromRequest(null, s, body, {}),
      lib.refreshFromRequest(null, s, body, { hubSignature: sign("wrong-secret-0123456789") }),
      lib.refreshFromRequest(null, s, `${body} `, { hubSignature: sign(secret) }),
      lib.refreshFromRequest(null, s, body, { hubSignature: "sha1=abc" }),
      lib.refreshFromRequest(null, s, body, { gitlabToken: "wrong" }),
      lib.refreshFromRequest(null, "no-such-project", body, { hubSignature: sign(secret) }),
      // A project without a webhook secret takes no unsigned-by-token calls at all.
      lib.refreshFromRequest(null, fx.project.slug, body, { hubSignature: sign("") }),
    ];
    for (const attempt of refused) await expect(attempt).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const messages = await Promise.all([lib.refreshFromRequest(null, s, body, { hubSignature: sign("x") }), lib.refreshFromRequest(null, "no-such-project", body, { hubSignature: sign("x") })].map((p) => p.catch((e: Error) => e.message)));
    expect(messages[0]).toBe(messages[1]);
  });

  it("with a bearer token: the owner must see the project; an unknown slug is 404", async () => {
    expect((await lib.refreshFromRequest(siteAdmin, s, "", {})).result).toMatchObject({ ok: true });
    await expect(lib.refreshFromRequest(siteAdmin, "no-such-project", "", {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lib.refreshFromRequest(fx.users.requester, s, "", {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    const readOnly: CurrentUser = { ...siteAdmin, token: { id: "t1", scopes: ["submit"], projectIds: [] } };
    await expect(lib.refreshFromRequest(readOnly, s, "", {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
