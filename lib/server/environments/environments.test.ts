import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { checksumOf, deployMigrations } from "@/lib/engine";
import { adminQuery, createTestDatabase, testServerUrl, type TestDatabase } from "@/lib/testing/databases";
import { makeCertificates } from "@/lib/testing/tls-postgres";

// Integration: the environment domain functions against a real control plane and real targets.
let fx: DeployFixture;
let dataDir: string;
let caPem: string;
let lib: typeof import("./index") & {
  db: typeof import("@/lib/db").db;
  listDeployments: typeof import("@/lib/server/history").listDeployments;
  readableProjects: typeof import("@/lib/server/readable-projects").readableProjects;
};

const PASSWORD = `pw-${randomBytes(6).toString("hex")}`;
/** A URL on the test server with a password nothing else contains, so a leak is easy to find. */
function urlWithPassword(database: string, query = ""): string {
  const server = new URL(testServerUrl());
  return `postgresql://${server.username}:${PASSWORD}@${server.host}/${database}${query}`;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "sluice-env-data-"));
  process.env.SLUICE_DATA_DIR = dataDir;
  fx = await createDeployFixture();
  caPem = makeCertificates(path.join(dataDir, "pki")).caPem;
  lib = {
    ...(await import("./index")),
    db: (await import("@/lib/db")).db,
    listDeployments: (await import("@/lib/server/history")).listDeployments,
    readableProjects: (await import("@/lib/server/readable-projects")).readableProjects,
  };
});
afterAll(async () => {
  await fx?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function chainNames() {
  const rows = await lib.db().environment.findMany({ where: { projectId: fx.project.id, removedAt: null }, orderBy: { position: "asc" } });
  return rows.map((e) => `${e.position}:${e.name}`);
}

/** Every audit event of the project as text, to search for a leaked secret. */
async function auditText(): Promise<string> {
  const rows = await lib.db().$queryRaw<{ text: string }[]>`SELECT string_agg(row_to_json(e)::text, '\n') AS text FROM "AuditEvent" e`;
  return rows[0].text ?? "";
}

describe("adding an environment", () => {
  it("is for admins only", async () => {
    for (const role of ["requester", "approver", "deployer", "manager"] as const) {
      await expect(lib.createEnvironment(fx.users[role], fx.project.id, { name: "qa", url: urlWithPassword("x") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("stores the URL encrypted at the end of the chain, with the standard policy, audited without the URL", async () => {
    const view = await lib.createEnvironment(fx.users.admin, fx.project.id, {
      name: "qa",
      url: urlWithPassword("qa_db", "?schema=tenant_a&sslmode=require&connection_limit=5&pool_timeout=10&pgbouncer=true&connect_timeout=3"),
      timeZone: "europe/paris",
    });
    expect(view).toMatchObject({ name: "qa", position: 3, schema: "tenant_a", sslmode: "require", hasCaCert: false, timeZone: "Europe/Paris", hasPolicy: true });
    expect(view.url).toContain(":•••@");
    expect(view.url).not.toContain(PASSWORD);

    const row = await lib.db().environment.findUniqueOrThrow({ where: { id: view.id }, include: { policy: true } });
    expect(row.databaseUrlEncrypted).not.toContain(PASSWORD);
    expect(row.databaseUrlEncrypted).not.toContain("qa_db");
    // Deny by default: not the first environment, so only deployers and admins, after an approver's approval.
    expect(row.policy).toMatchObject({ requiredApprovals: 1, approverRoles: ["approver"], deployRoles: ["deployer", "admin"] });

    const events = await lib.db().auditEvent.findMany({ where: { subjectId: view.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["environment.created", "policy.created"]);
    expect(events[0].after).toEqual({ name: "qa", position: 3, schema: "tenant_a", sslmode: "require", hasCaCert: false, timeZone: "Europe/Paris" });
    expect(await auditText()).not.toContain(PASSWORD);
  });

  it.each([
    [{ name: "Prod!", url: "postgresql://a:b@h/d" }, /^name: must be 1 to 40 lowercase letters/],
    [{ name: "order", url: "postgresql://a:b@h/d" }, /^name: may not be "order"/],
    [{ name: "uat", url: "" }, /^url: paste the database's connection URL/],
    [{ name: "uat", url: `mysql://app:${PASSWORD}@h/d` }, /^url: must start with postgresql:\/\//],
    [{ name: "uat", url: `postgresql://app:${PASSWORD}@h` }, /^url: names no database/],
    [{ name: "uat", url: `postgresql://app:${PASSWORD}@h/d?schema=no%20good` }, /^url: schema "no good" is not a valid schema name/],
    [{ name: "uat", url: `postgresql://app:${PASSWORD}@h/d?sslmode=on` }, /^url: sslmode "on" is not one of/],
    [{ name: "uat", url: `postgresql://app:${PASSWORD}@h/d?foo=1` }, /^url: unknown parameter "foo"/],
    [{ name: "uat", url: `postgresql://app:${PASSWORD}@h/d`, timeZone: "Mars/Olympus" }, /^timeZone: is not a known time zone/],
    [{ name: "uat", url: `postgresql://app:${PASSWORD}@h/d?sslmode=verify-full`, caCert: "not a certificate" }, /^caCert: must be a PEM certificate/],
    [{ name: "uat", url: `postgresql://app:${PASSWORD}@h/d`, caCert: "CA" }, /^caCert: (must be a PEM|a CA certificate is only used)/],
    [{ name: "uat", url: `postgresql://app:${PASSWORD}@h/d?sslmode=verify-ca` }, /^caCert: sslmode=verify-ca needs the server's CA certificate/],
  ])("refuses %j with a 400 naming the problem, storing nothing", async (input, message) => {
    const before = { environments: await lib.db().environment.count(), events: await lib.db().auditEvent.count() };
    const error = await lib.createEnvironment(fx.users.admin, fx.project.id, input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_INPUT", status: 400 });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(PASSWORD);
    expect({ environments: await lib.db().environment.count(), events: await lib.db().auditEvent.count() }).toEqual(before);
  });

  it("refuses a CA with sslmode absent, and a second environment of the same name (409)", async () => {
    await expect(lib.createEnvironment(fx.users.admin, fx.project.id, { name: "uat", url: urlWithPassword("d"), caCert: caPem })).rejects.toThrow(/caCert: a CA certificate is only used with sslmode/);
    await expect(lib.createEnvironment(fx.users.admin, fx.project.id, { name: "dev", url: urlWithPassword("d") })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("editing an environment", () => {
  it("renames, keeps the URL when none is given, replaces it, sets and removes the CA; audits without the URL", async () => {
    const created = await lib.createEnvironment(fx.users.admin, fx.project.id, { name: "perf", url: urlWithPassword("perf_db", "?sslmode=require") });
    const stored = (await lib.db().environment.findUniqueOrThrow({ where: { id: created.id } })).databaseUrlEncrypted;

    const renamed = await lib.updateEnvironment(fx.users.admin, created.id, { name: "perf2", url: "", timeZone: "UTC" });
    expect(renamed.name).toBe("perf2");
    expect((await lib.db().environment.findUniqueOrThrow({ where: { id: created.id } })).databaseUrlEncrypted).toBe(stored);

    const withCa = await lib.updateEnvironment(fx.users.admin, created.id, { url: urlWithPassword("perf_db2", "?sslmode=verify-full&schema=s2"), caCert: caPem });
    expect(withCa).toMatchObject({ hasCaCert: true, sslmode: "verify-full", schema: "s2" });
    expect(withCa.caCertificate?.subject).toContain("Sluice Test CA");
    expect(withCa.url).toContain("perf_db2");

    // A CA with verify-ca cannot be dropped: verify-ca has nothing to verify against without one.
    await lib.updateEnvironment(fx.users.admin, created.id, { url: urlWithPassword("perf_db2", "?sslmode=verify-ca") });
    await expect(lib.updateEnvironment(fx.users.admin, created.id, { caCert: null })).rejects.toThrow(/verify-ca needs the server's CA certificate/);
    const withoutCa = await lib.updateEnvironment(fx.users.admin, created.id, { url: urlWithPassword("perf_db2", "?sslmode=verify-full"), caCert: null });
    expect(withoutCa.hasCaCert).toBe(false);

    await expect(lib.updateEnvironment(fx.users.admin, created.id, { name: "dev" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(lib.updateEnvironment(fx.users.deployer, created.id, { name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const updates = await lib.db().auditEvent.findMany({ where: { subjectId: created.id, action: "environment.updated" }, orderBy: { id: "asc" } });
    expect(updates).toHaveLength(4);
    expect(updates[0].before).toMatchObject({ name: "perf" });
    expect(updates[0].after).toMatchObject({ name: "perf2", urlReplaced: false, caCertReplaced: false });
    expect(updates[1].after).toMatchObject({ urlReplaced: true, caCertReplaced: true, hasCaCert: true, schema: "s2" });
    expect(await auditText()).not.toContain(PASSWORD);
    await lib.removeEnvironment(fx.users.admin, created.id);
  });
});

describe("reordering the chain", () => {
  it("sets positions in the given order, refuses lists that are not the chain, and audits the change", async () => {
    const qa = await lib.db().environment.findFirst({ where: { projectId: fx.project.id, name: "qa", removedAt: null } });
    if (qa) await lib.removeEnvironment(fx.users.admin, qa.id);
    expect(await chainNames()).toEqual(["0:dev", "1:staging", "2:prod"]);

    await expect(lib.reorderEnvironments(fx.users.admin, fx.project.id, { names: ["dev", "prod"] })).rejects.toThrow(/names: list every environment of the project; missing staging/);
    await expect(lib.reorderEnvironments(fx.users.admin, fx.project.id, { names: ["dev", "dev", "prod", "staging"] })).rejects.toThrow(/names: dev appears twice/);
    await expect(lib.reorderEnvironments(fx.users.admin, fx.project.id, { names: ["dev", "staging", "prod", "uat"] })).rejects.toThrow(/no environment named uat/);
    await expect(lib.reorderEnvironments(fx.users.approver, fx.project.id, { names: ["prod", "staging", "dev"] })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const reordered = await lib.reorderEnvironments(fx.users.admin, fx.project.id, { names: ["staging", "dev", "prod"] });
    expect(reordered.map((e) => `${e.position}:${e.name}`)).toEqual(["0:staging", "1:dev", "2:prod"]);
    const [event] = await lib.db().auditEvent.findMany({ where: { subjectId: fx.project.id, action: "environment.reordered" } });
    expect(event).toMatchObject({ subjectType: "project", before: { order: ["dev", "staging", "prod"] }, after: { order: ["staging", "dev", "prod"] } });

    await lib.reorderEnvironments(fx.users.admin, fx.project.id, { names: ["dev", "staging", "prod"] });
    expect(await chainNames()).toEqual(["0:dev", "1:staging", "2:prod"]);
  });
});

describe("removing an environment", () => {
  async function environmentWithDeployment(name: string, status: "queued" | "running" | "succeeded") {
    const env = await lib.createEnvironment(fx.users.admin, fx.project.id, { name, url: urlWithPassword(`${name}_db`) });
    const request = await fx.approvedRequest([{ name: `20260101000000_${name}`, sql: "SELECT 1;" }]);
    const deployment = await lib.db().deployment.create({ data: { requestId: request.id, environmentId: env.id, startedById: fx.users.deployer.id, status } });
    return { env, deployment };
  }

  it("is refused (409) while a deploy there is queued or running", async () => {
    const { env, deployment } = await environmentWithDeployment("busy", "queued");
    await expect(lib.removeEnvironment(fx.users.admin, env.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/A deploy to busy is queued or running/) });
    await lib.db().deployment.update({ where: { id: deployment.id }, data: { status: "running" } });
    await expect(lib.removeEnvironment(fx.users.admin, env.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await chainNames()).toContain("3:busy");
    await lib.db().deployment.update({ where: { id: deployment.id }, data: { status: "cancelled", finishedAt: new Date() } });
    await expect(lib.removeEnvironment(fx.users.approver, env.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await lib.removeEnvironment(fx.users.admin, env.id)).toEqual({ removed: true, archived: true });
  });

  it("archives one with history: out of the chain, its deploys still listed under its name, its name free again", async () => {
    const { env, deployment } = await environmentWithDeployment("legacy", "succeeded");
    // An environment in the middle: the ones after it close up.
    await lib.reorderEnvironments(fx.users.admin, fx.project.id, { names: ["dev", "legacy", "staging", "prod"] });
    expect(await lib.removeEnvironment(fx.users.admin, env.id)).toEqual({ removed: true, archived: true });

    const row = await lib.db().environment.findUniqueOrThrow({ where: { id: env.id } });
    expect(row.removedAt).not.toBeNull();
    expect(await chainNames()).toEqual(["0:dev", "1:staging", "2:prod"]);
    expect((await lib.listEnvironments(fx.users.requester, fx.project.id)).map((e) => e.name)).toEqual(["dev", "staging", "prod"]);
    const [readable] = (await lib.readableProjects(fx.users.requester, "history.read")).filter((p) => p.id === fx.project.id);
    expect(readable.environments.map((e) => e.name)).toEqual(["dev", "staging", "prod"]);

    const history = await lib.listDeployments(fx.users.requester, { page: 1 });
    expect(history.entries.find((e) => e.id === deployment.id)?.environment).toBe("legacy");
    expect(history.environments.map((e) => e.label)).toContain("Fixture / legacy (removed)");

    const removal = await lib.db().auditEvent.findFirstOrThrow({ where: { subjectId: env.id, action: "environment.removed" } });
    expect(removal.after).toMatchObject({ archived: true, deployments: 1, chain: ["dev", "staging", "prod"] });
    expect(await auditText()).not.toContain(PASSWORD);

    // A new environment may take the removed one's name; the archived one keeps its history.
    const again = await lib.createEnvironment(fx.users.admin, fx.project.id, { name: "legacy", url: urlWithPassword("legacy2") });
    expect(again.id).not.toBe(env.id);
    expect(again.position).toBe(3);
    await lib.removeEnvironment(fx.users.admin, again.id);
  });

  it("archives one an approver scope names, so the scope never widens to every environment", async () => {
    const env = await lib.createEnvironment(fx.users.admin, fx.project.id, { name: "audit-only", url: urlWithPassword("audit_db") });
    await lib.db().membership.update({ where: { userId_projectId: { userId: fx.users.approver.id, projectId: fx.project.id } }, data: { environmentIds: [env.id] } });
    try {
      expect(await lib.removeEnvironment(fx.users.admin, env.id)).toEqual({ removed: true, archived: true });
      const removal = await lib.db().auditEvent.findFirstOrThrow({ where: { subjectId: env.id, action: "environment.removed" } });
      expect(removal.after).toMatchObject({ archived: true, deployments: 0, approvals: 0, approverScopes: 1 });
    } finally {
      await lib.db().membership.update({ where: { userId_projectId: { userId: fx.users.approver.id, projectId: fx.project.id } }, data: { environmentIds: [] } });
    }
  });

  it("deletes one without any history outright, with its policy", async () => {
    const env = await lib.createEnvironment(fx.users.admin, fx.project.id, { name: "scratch", url: urlWithPassword("scratch_db") });
    expect(await lib.removeEnvironment(fx.users.admin, env.id)).toEqual({ removed: true, archived: false });
    expect(await lib.db().environment.findUnique({ where: { id: env.id } })).toBeNull();
    expect(await lib.db().environmentPolicy.findUnique({ where: { environmentId: env.id } })).toBeNull();
    await expect(lib.removeEnvironment(fx.users.admin, env.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("test connection", () => {
  let target: TestDatabase;
  const role = `sluice_app_${randomBytes(3).toString("hex")}`;
  const rolePassword = `rp-${randomBytes(6).toString("hex")}`;

  beforeAll(async () => {
    target = await createTestDatabase("conn");
    await adminQuery(testServerUrl(), `CREATE ROLE ${role} LOGIN NOSUPERUSER PASSWORD '${rolePassword}'`);
  });
  afterAll(async () => {
    await target?.drop();
    await adminQuery(testServerUrl(), `DROP ROLE IF EXISTS ${role}`);
  });

  function roleUrl(query = "") {
    const server = new URL(testServerUrl());
    return `postgresql://${role}:${rolePassword}@${server.host}/${target.name}${query}`;
  }

  it("reports version, role, superuser and the _prisma_migrations rows the engine wrote", async () => {
    const migrations = ["20260101000000_a", "20260102000000_b"].map((name) => {
      const sql = `CREATE TABLE "${name}" (id int PRIMARY KEY);`;
      return { name, sql, checksum: checksumOf(sql), downSql: null, verifySql: null };
    });
    expect((await deployMigrations({ url: fx.environments.dev.url, migrations })).ok).toBe(true);

    const report = await lib.testConnection(fx.users.admin, { environmentId: fx.environments.dev.id });
    expect(report).toMatchObject({ ok: true, superuser: true, schema: "public", schemaExists: true, canCreate: true, canCreateDatabase: true, historyTable: { exists: true, rows: 2, failed: 0 } });
    expect(report.serverVersion).toMatch(/^\d+/);
    expect(report.role).toBe(new URL(testServerUrl()).username);
    expect(report.warnings.join("\n")).toMatch(/is a superuser: connect as a role with the least privileges the migrations need/);

    await expect(lib.testConnection(fx.users.deployer, { environmentId: fx.environments.dev.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("detects a role that is no superuser and may not create in the schema, before anything is saved", async () => {
    await adminQuery(testServerUrl(), `GRANT CONNECT ON DATABASE "${target.name}" TO ${role}`);
    const { query } = await import("@/lib/testing/databases");
    await query(target.url, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");

    const before = await lib.db().environment.count();
    const report = await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: roleUrl() });
    expect(report).toMatchObject({ superuser: false, role, canCreate: false, historyTable: { exists: false, rows: null } });
    expect(report.warnings.join("\n")).toMatch(new RegExp(`${role} may not create in schema public: migrations that create tables will fail \\(GRANT CREATE ON SCHEMA "public" TO "${role}"\\)`));
    expect(await lib.db().environment.count()).toBe(before);

    expect(report.canCreateDatabase).toBe(false);
    expect(report.warnings.join("\n")).not.toMatch(/may not create databases/);
    // prod deploys are rehearsed on a throwaway database: the test says when that would be blocked.
    const asProd = await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: roleUrl(), name: "prod" });
    expect(asProd.warnings.join("\n")).toMatch(new RegExp(`${role} may not create databases: .* \\(ALTER ROLE "${role}" CREATEDB\\)`));

    await query(target.url, `GRANT CREATE ON SCHEMA public TO ${role}`);
    expect((await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: roleUrl() })).canCreate).toBe(true);

    // A schema that does not exist yet: whether the first deploy can create it depends on CREATE on the database.
    const missing = await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: roleUrl("?schema=tenant_x") });
    expect(missing).toMatchObject({ schema: "tenant_x", schemaExists: false, canCreate: false });
    expect(missing.warnings.join("\n")).toMatch(/Schema tenant_x does not exist and .* may not create it/);

    await expect(lib.testConnection(fx.users.requester, { projectId: fx.project.id, url: roleUrl() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("fails with TARGET_FAILED and PostgreSQL's own message, the URL redacted", async () => {
    // The server's real credentials, so what fails is the database, whatever the server's authentication.
    const server = new URL(testServerUrl());
    const error = await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: `${testServerUrl()}/no_such_database_here` }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TARGET_FAILED", status: 502 });
    expect((error as Error).message).toMatch(/Cannot connect to postgres(ql)?:\/\/.*@.*\/no_such_database_here: database "no_such_database_here" does not exist/);
    if (server.password) expect((error as Error).message).not.toContain(server.password);

    const refused = await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: `postgresql://app:${PASSWORD}@127.0.0.1:1/db` }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "TARGET_FAILED" });
    expect((refused as Error).message).toMatch(/ECONNREFUSED/);
    expect((refused as Error).message).not.toContain(PASSWORD);

    await expect(lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: "mysql://x@y/z" })).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});
