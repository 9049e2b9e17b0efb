import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { checksumOf, deployMigrations } from "@/lib/engine";

// Integration: pipeline submissions against a real control plane and real targets (lib/deploy/testing.ts).
let fx: DeployFixture;
let lib: {
  db: typeof import("@/lib/db").db;
  encryptSecret: typeof import("@/lib/server/secrets").encryptSecret;
  decideRequest: typeof import("@/lib/server/requests").decideRequest;
} & typeof import("@/lib/server/submissions");

beforeAll(async () => {
  fx = await createDeployFixture();
  lib = {
    db: (await import("@/lib/db")).db,
    encryptSecret: (await import("@/lib/server/secrets")).encryptSecret,
    decideRequest: (await import("@/lib/server/requests")).decideRequest,
    ...(await import("@/lib/server/submissions")),
  };
});
afterAll(async () => {
  await fx?.drop();
});

let seq = 0;
/** A migration folder entry with a table of its own, so tests never collide on the shared targets. */
function migration(label: string, sql?: string) {
  seq += 1;
  const table = `${label}_${seq}`;
  return { name: `2026020100${String(seq).padStart(4, "0")}_${table}`, sql: sql ?? `CREATE TABLE "${table}" (id int PRIMARY KEY);\n`, downSql: `DROP TABLE "${table}";\n` };
}

const submit = (user: DeployFixture["users"][keyof DeployFixture["users"]], input: Omit<Parameters<typeof lib.submitMigrations>[1], "project">) =>
  lib.submitMigrations(user, { project: fx.project.slug, ...input });

async function counts() {
  const db = lib.db();
  return { snapshots: await db.sourceSnapshot.count(), requests: await db.migrationRequest.count(), audit: await db.auditEvent.count() };
}

async function auditOf(subjectId: string) {
  return lib.db().auditEvent.findMany({ where: { subjectId }, orderBy: { id: "asc" } });
}

describe("submitMigrations: opening and updating a branch's request", () => {
  it("opens a request with the migrations dev has not applied, pinned to the uploaded snapshot, commit and branch", async () => {
    const a = migration("open_a");
    const b = migration("open_b", "CREATE TABLE open_b_x (id int);\nCREATE INDEX open_b_idx ON open_b_x (id);\n");
    // Applied on dev already (by Prisma or a previous deploy): not part of the request.
    await deployMigrations({ url: fx.environments.dev.url, migrations: [{ ...a, checksum: checksumOf(a.sql), verifySql: null }] });

    const result = await submit(fx.users.requester, { files: [b, a], branch: "feature/open", commit: "ABCDEF1234567" });
    expect(result.created).toBe(true);
    expect(result.migrations).toEqual([{ name: b.name, checksum: checksumOf(b.sql) }]);
    expect(result.request).toMatchObject({ status: "in_review", title: `feature/open: ${b.name}` });
    expect(result.request!.url).toMatch(new RegExp(`/requests/${result.request!.number}$`));
    expect(result.findings.some((f) => f.migration === b.name && f.rule && f.line >= 1)).toBe(true);
    expect(result.invalidatedApprovals).toBe(0);

    const stored = await lib.db().migrationRequest.findUniqueOrThrow({ where: { number: result.request!.number }, include: { migrations: true } });
    expect(stored).toMatchObject({ branch: "feature/open", sourceCommit: "abcdef1234567", requesterId: fx.users.requester.id });
    expect(stored.migrations.map((m) => [m.name, m.checksum, m.downSql])).toEqual([[b.name, checksumOf(b.sql), b.downSql]]);
    const snapshot = await lib.db().sourceSnapshot.findUniqueOrThrow({ where: { id: stored.snapshotId! } });
    expect(snapshot).toMatchObject({ origin: "upload", branch: "feature/open", commit: "abcdef1234567", createdById: fx.users.requester.id });
    expect((snapshot.files as { name: string }[]).map((f) => f.name)).toEqual([a.name, b.name]);
    expect((await auditOf(stored.id)).map((e) => e.action)).toEqual(["request.created", "request.submitted"]);
  });

  it("updates the open request of the branch: new SQL withdraws standing approvals and sends it back to review", async () => {
    const first = migration("upd_a");
    const opened = await submit(fx.users.requester, { files: [first], branch: "feature/update", commit: "1111111" });
    const request = await lib.db().migrationRequest.findUniqueOrThrow({ where: { number: opened.request!.number } });
    await lib.decideRequest(fx.users.approver, { requestId: request.id, decision: "approved" });
    expect((await lib.db().migrationRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("approved");

    const second = migration("upd_b");
    const edited = { ...first, sql: `${first.sql}ALTER TABLE "${first.name.split("_").slice(1).join("_")}" ADD COLUMN note text;\n` };
    const updated = await submit(fx.users.requester, { files: [edited, second], branch: "feature/update", commit: "2222222" });
    expect(updated).toMatchObject({ created: false, invalidatedApprovals: 1, request: { number: opened.request!.number, status: "in_review" } });
    expect(updated.migrations.map((m) => m.name)).toEqual([first.name, second.name]);
    expect(updated.message).toMatch(/no longer counts \(SQL changed\)/);

    const after = await lib.db().migrationRequest.findUniqueOrThrow({ where: { id: request.id }, include: { migrations: { orderBy: { position: "asc" } }, approvals: true } });
    expect(after.migrations.map((m) => m.checksum)).toEqual([checksumOf(edited.sql), checksumOf(second.sql)]);
    expect(after.sourceCommit).toBe("2222222");
    expect(after.snapshotId).not.toBe(request.snapshotId);
    expect(after.title).toBe(`feature/update: ${first.name} and 1 more`);
    expect(after.approvals.every((a) => a.invalidatedAt !== null && a.invalidatedReason === "SQL changed")).toBe(true);

    const events = await auditOf(request.id);
    const update = events.find((e) => e.action === "request.updated")!;
    expect(update.before).toMatchObject({ status: "approved", sourceCommit: "1111111", migrations: [{ name: first.name, checksum: checksumOf(first.sql) }] });
    expect(update.after).toMatchObject({ status: "in_review", sourceCommit: "2222222", migrations: [{ checksum: checksumOf(edited.sql) }, { checksum: checksumOf(second.sql) }] });
    expect(update.metadata).toMatchObject({ invalidatedDecisions: 1, reason: "SQL changed", branch: "feature/update" });
    expect(events.some((e) => e.action === "approval.invalidated")).toBe(true);
  });

  it("is idempotent: the same folder on the same commit changes nothing and records nothing", async () => {
    const m = migration("same");
    const opened = await submit(fx.users.requester, { files: [m], branch: "feature/same", commit: "3333333" });
    const before = await counts();
    const again = await submit(fx.users.requester, { files: [m], branch: "feature/same", commit: "3333333" });
    expect(again).toMatchObject({ created: false, invalidatedApprovals: 0, request: { number: opened.request!.number } });
    expect(again.message).toMatch(/nothing changed/);
    expect(await counts()).toEqual(before);
  });

  it("keeps a title a person wrote, and a draft becomes a request under review once a pipeline submits without --draft", async () => {
    const m = migration("draft");
    const draft = await submit(fx.users.requester, { files: [m], branch: "feature/draft", title: "Invoices: first table", draft: true });
    expect(draft.request).toMatchObject({ status: "draft", title: "Invoices: first table" });
    const n = migration("draft_more");
    const submitted = await submit(fx.users.requester, { files: [m, n], branch: "feature/draft" });
    expect(submitted.request).toMatchObject({ number: draft.request!.number, status: "in_review", title: "Invoices: first table" });
    const request = await lib.db().migrationRequest.findUniqueOrThrow({ where: { number: draft.request!.number } });
    expect(request.submittedAt).not.toBeNull();
    expect((await auditOf(request.id)).map((e) => e.action)).toEqual(["request.created", "request.updated", "request.submitted"]);
  });

  it("opens a new request once a deploy of the branch's request has started", async () => {
    const m = migration("deployed");
    const opened = await submit(fx.users.requester, { files: [m], branch: "feature/deployed" });
    const request = await lib.db().migrationRequest.findUniqueOrThrow({ where: { number: opened.request!.number } });
    await lib.db().deployment.create({ data: { requestId: request.id, environmentId: fx.environments.dev.id, startedById: fx.users.deployer.id, status: "running" } });
    const next = await submit(fx.users.requester, { files: [m, migration("deployed_next")], branch: "feature/deployed" });
    expect(next.created).toBe(true);
    expect(next.request!.number).not.toBe(opened.request!.number);
  });

  it("opens one request when two pipeline runs of a branch submit at once", async () => {
    const m = migration("race");
    const results = await Promise.all([0, 1, 2].map(() => submit(fx.users.requester, { files: [m], branch: "feature/race", commit: "5555555" })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.request!.number)).size).toBe(1);
    expect(await lib.db().migrationRequest.count({ where: { branch: "feature/race" } })).toBe(1);
  });

  it("refuses to update a branch request someone else opened", async () => {
    const m = migration("theirs");
    await submit(fx.users.requester, { files: [m], branch: "feature/theirs" });
    const before = await counts();
    await expect(submit(fx.users.admin, { files: [m, migration("theirs_b")], branch: "feature/theirs" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/opened by requester@example\.test/) });
    expect(await counts()).toEqual(before);
  });

  it("answers without a request when dev has applied everything", async () => {
    const m = migration("all_applied");
    await deployMigrations({ url: fx.environments.dev.url, migrations: [{ ...m, checksum: checksumOf(m.sql), verifySql: null }] });
    const requests = await lib.db().migrationRequest.count();
    const result = await submit(fx.users.requester, { files: [m], branch: "feature/none" });
    expect(result).toMatchObject({ request: null, created: false, migrations: [], findings: [] });
    expect(result.message).toMatch(/already applied on dev/);
    expect(await lib.db().migrationRequest.count()).toBe(requests);
  });
});

describe("submitMigrations: bad input stores nothing", () => {
  it("refuses a migration applied on dev with another checksum, as Prisma would", async () => {
    const m = migration("modified");
    await deployMigrations({ url: fx.environments.dev.url, migrations: [{ ...m, checksum: checksumOf(m.sql), verifySql: null }] });
    const before = await counts();
    await expect(submit(fx.users.requester, { files: [{ ...m, sql: `${m.sql}-- changed\nSELECT 1;\n` }], branch: "feature/modified" })).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: `${m.name} was already applied on dev with another checksum; Prisma would refuse it too (modified after apply). Restore the applied file and put the change in a new migration.`,
    });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["SQL that does not parse, naming the file, line and column", [{ name: "20260301000000_bad", sql: "CREATE TABLE ok (id int);\nCREATE TABEL broken (id int);\n" }], "BAD_INPUT", /20260301000000_bad\/migration\.sql does not parse: .* \(line 2, column \d+\)/],
    ["a down.sql that does not parse", [{ name: "20260301000001_bad_down", sql: "SELECT 1;", downSql: "DROP TABL x;" }], "BAD_INPUT", /20260301000001_bad_down\/down\.sql does not parse/],
    ["a name Sluice does not accept", [{ name: "../etc", sql: "SELECT 1;" }], "BAD_INPUT", /"\.\.\/etc" is not a migration name/],
    ["the same name twice", [{ name: "20260301000002_twice", sql: "SELECT 1;" }, { name: "20260301000002_twice", sql: "SELECT 2;" }], "BAD_INPUT", /in the upload twice/],
    ["a file over 5 MB", [{ name: "20260301000003_huge", sql: `SELECT 1;${" ".repeat(5 * 1024 * 1024)}` }], "TOO_LARGE", /20260301000003_huge\/migration\.sql is 5\.0 MB; a file may be at most 5\.0 MB/],
  ])("refuses %s", async (_label, files, code, message) => {
    const before = await counts();
    await expect(submit(fx.users.requester, { files, branch: "feature/bad" })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await counts()).toEqual(before);
  });

  it("refuses a bad branch or commit, an unknown project, and people or tokens that may not submit", async () => {
    const files = [migration("forbidden")];
    await expect(submit(fx.users.requester, { files, branch: "has space" })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["branch"] })] });
    await expect(submit(fx.users.requester, { files, commit: "not-a-sha" })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["commit"] })] });
    await expect(submit(fx.users.requester, { files: [] })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["files"], message: expect.stringMatching(/at least one migration/) })] });
    await expect(lib.submitMigrations(fx.users.requester, { project: "no-such-project", files })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submit(fx.users.approver, { files })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const readOnly = { ...fx.users.requester, token: { id: "t-read", scopes: ["read"] as const, projectIds: [] } };
    await expect(submit(readOnly, { files })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/token/) });
  });
});

describe("submitMigrations: projects fed by uploads, and an unreachable first environment", () => {
  it("makes the upload the current source of an upload project, audited", async () => {
    const project = await lib.db().project.create({ data: { slug: `up-${Date.now().toString(36)}`, name: "Uploads", sourceKind: "upload" } });
    await lib.db().membership.create({ data: { userId: fx.users.requester.id, projectId: project.id, role: "requester" } });
    await lib.db().environment.create({ data: { projectId: project.id, name: "dev", position: 0, databaseUrlEncrypted: lib.encryptSecret(fx.environments.dev.url) } });
    const m = migration("upload_src");
    const result = await lib.submitMigrations(fx.users.requester, { project: project.slug, files: [m], branch: "main", commit: "4444444" });
    const after = await lib.db().project.findUniqueOrThrow({ where: { id: project.id } });
    const request = await lib.db().migrationRequest.findUniqueOrThrow({ where: { number: result.request!.number } });
    expect(after.currentSnapshotId).toBe(request.snapshotId);
    const [uploaded] = (await auditOf(project.id)).filter((e) => e.action === "project.uploaded");
    expect(uploaded.after).toMatchObject({ snapshotId: request.snapshotId, branch: "main", commit: "4444444", migrations: 1 });
  });

  it("says which environment it could not read and why, without its password, and stores nothing", async () => {
    const project = await lib.db().project.create({ data: { slug: `down-${Date.now().toString(36)}`, name: "Unreachable", sourceKind: "upload" } });
    await lib.db().membership.create({ data: { userId: fx.users.requester.id, projectId: project.id, role: "requester" } });
    await lib.db().environment.create({ data: { projectId: project.id, name: "dev", position: 0, databaseUrlEncrypted: lib.encryptSecret("postgres://app:s3cret-pw@127.0.0.1:1/app?connect_timeout=2") } });
    const before = await counts();
    const failure = await lib.submitMigrations(fx.users.requester, { project: project.slug, files: [migration("unreachable")] }).catch((e: Error) => e);
    expect(failure).toMatchObject({ code: "TARGET_FAILED", message: expect.stringMatching(/^Sluice could not read the migration history of dev, the project's first environment: .*ECONNREFUSED/) });
    expect((failure as Error).message).not.toMatch(/s3cret|postgres:\/\//);
    expect(await counts()).toEqual(before);
  });

  it("refuses a project without environments", async () => {
    const project = await lib.db().project.create({ data: { slug: `empty-${Date.now().toString(36)}`, name: "Empty", sourceKind: "upload" } });
    await lib.db().membership.create({ data: { userId: fx.users.requester.id, projectId: project.id, role: "requester" } });
    await expect(lib.submitMigrations(fx.users.requester, { project: project.slug, files: [migration("no_env")] })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/no environment yet/) });
  });

  it("names a pipeline's request after its branch and first migration", () => {
    expect(lib.defaultTitle("main", [{ name: "a" }])).toBe("main: a");
    expect(lib.defaultTitle(null, [{ name: "a" }, { name: "b" }, { name: "c" }])).toBe("a and 2 more");
    expect(lib.defaultTitle("x".repeat(250), [{ name: "a" }])).toHaveLength(200);
  });
});
