import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/databases";

// Integration: first-run setup against a real, freshly migrated control plane with no accounts.
let controlPlane: TestDatabase;
let lib: typeof import("@/lib/server/setup") & {
  db: typeof import("@/lib/db").db;
  verifyCredentials: typeof import("@/lib/auth/credentials").verifyCredentials;
  hashToken: typeof import("@/lib/auth/api-tokens").hashToken;
  principalOfToken: typeof import("@/lib/auth/api-tokens").principalOfToken;
};

beforeAll(async () => {
  controlPlane = await createTestDatabase("cp_setup");
  Object.assign(process.env, { DATABASE_URL: controlPlane.url, AUTH_SECRET: randomBytes(32).toString("hex"), SLUICE_ENCRYPTION_KEY: randomBytes(32).toString("base64"), SLUICE_DEMO: "0" });
  const { migrateControlPlane } = await import("@/lib/server/control-plane-migrations");
  expect((await migrateControlPlane(controlPlane.url)).ok).toBe(true);
  lib = {
    ...(await import("@/lib/server/setup")),
    db: (await import("@/lib/db")).db,
    verifyCredentials: (await import("@/lib/auth/credentials")).verifyCredentials,
    hashToken: (await import("@/lib/auth/api-tokens")).hashToken,
    principalOfToken: (await import("@/lib/auth/api-tokens")).principalOfToken,
  };
});
afterAll(async () => {
  await lib?.db().$disconnect();
  await controlPlane?.drop();
});
beforeEach(async () => {
  // Every test starts from an install nobody has set up.
  await lib.db().$executeRawUnsafe(`TRUNCATE "User", "SetupToken", "AuditEvent" CASCADE`);
});

const ADA = { email: "Ada@Example.test", name: "Ada Admin", password: "correct horse battery" };

async function counts() {
  const [users, audit] = await Promise.all([lib.db().user.count(), lib.db().auditEvent.count()]);
  return { users, audit };
}

describe("the setup link", () => {
  it("stores only the secret's hash, and only the link printed last works", async () => {
    const first = (await lib.issueSetupToken())!;
    const second = (await lib.issueSetupToken())!;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await lib.db().setupToken.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(lib.hashToken(second));
    expect(JSON.stringify(stored)).not.toContain(second);

    await expect(lib.completeSetup({ ...ADA, token: first })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("invalid or was already used") });
    expect(await counts()).toEqual({ users: 0, audit: 0 });
    const admin = await lib.completeSetup({ ...ADA, token: second });
    expect(admin).toMatchObject({ email: "ada@example.test", name: "Ada Admin", siteAdmin: true });
  });

  it("creates a site admin who can sign in, audits it without the password, and then is single use", async () => {
    const token = (await lib.issueSetupToken())!;
    await lib.completeSetup({ ...ADA, token });
    const user = await lib.db().user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
    expect(user).toMatchObject({ siteAdmin: true, kind: "person", mustChangePassword: false, deactivatedAt: null });
    const events = await lib.db().auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(await lib.verifyCredentials("ada@example.test", ADA.password)).toMatchObject({ id: user.id });
    expect(events.map((e) => e.action)).toEqual(["user.created", "setup.completed"]);
    expect(events.every((e) => e.actorId === user.id)).toBe(true);
    const payloads = JSON.stringify(events.map((e) => [e.before, e.after, e.metadata]));
    expect(payloads).not.toContain(ADA.password);
    expect(payloads).not.toContain(user.passwordHash!);
    expect(payloads).not.toContain(token);

    expect((await lib.db().setupToken.findFirstOrThrow()).usedAt).not.toBeNull();
    await expect(lib.completeSetup({ ...ADA, email: "eve@example.test", token })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await lib.issueSetupToken()).toBeNull();
    expect(await lib.setupNeeded()).toBe(false);
    await expect(lib.bootstrapAdmin({ email: "eve@example.test", name: "Eve", password: ADA.password })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await lib.db().user.count()).toBe(1);
  });

  it("refuses bad input naming the field, stores nothing, and leaves the link usable", async () => {
    const token = (await lib.issueSetupToken())!;
    await expect(lib.completeSetup({ ...ADA, token, password: "short" })).rejects.toMatchObject({ code: "BAD_INPUT", message: "password: must be at least 12 characters." });
    await expect(lib.completeSetup({ ...ADA, token, email: "not-an-email" })).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringMatching(/^email: /) });
    await expect(lib.completeSetup({ ...ADA, token, name: "   " })).rejects.toMatchObject({ code: "BAD_INPUT", message: "name: must not be empty." });
    await expect(lib.completeSetup({ ...ADA, token, password: "é".repeat(40) })).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringContaining("72 bytes") });
    expect(await counts()).toEqual({ users: 0, audit: 0 });
    expect((await lib.db().setupToken.findFirstOrThrow()).usedAt).toBeNull();
    await expect(lib.completeSetup({ ...ADA, token })).resolves.toMatchObject({ siteAdmin: true });
  });

  it("two forms submitted at once make exactly one admin", async () => {
    const token = (await lib.issueSetupToken())!;
    const results = await Promise.allSettled([
      lib.completeSetup({ ...ADA, token }),
      lib.completeSetup({ ...ADA, email: "bob@example.test", name: "Bob", token }),
      lib.bootstrapAdmin({ email: "carol@example.test", name: "Carol", password: ADA.password }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(["CONFLICT", "FORBIDDEN"]).toContain((r.reason as { code: string }).code);
    expect(await lib.db().user.count()).toBe(1);
    expect(await lib.db().auditEvent.count({ where: { action: "setup.completed" } })).toBe(1);
  });
});

describe("setupAnnouncement", () => {
  it("prints the link at the public address, and the headless alternative", () => {
    process.env.SLUICE_PUBLIC_URL = "https://sluice.example.test/";
    const [link, headless] = lib.setupAnnouncement("s3cret");
    expect(link).toBe("No admin yet. Open https://sluice.example.test/setup?token=s3cret to create the first one (the link works once).");
    expect(headless).toContain("sluice admin bootstrap --email");
    delete process.env.SLUICE_PUBLIC_URL;
  });
});

describe("bootstrapAdmin", () => {
  it("creates the first admin without a link, kills any printed link, and can give them a token with every scope", async () => {
    const token = (await lib.issueSetupToken())!;
    const { admin, token: apiToken } = await lib.bootstrapAdmin({ email: "ada@example.test", name: "Ada", password: ADA.password }, { withToken: true });
    expect(admin.siteAdmin).toBe(true);
    expect(apiToken!.scopes.sort()).toEqual(["admin", "approve", "deploy", "read", "submit"]);
    const principal = await lib.principalOfToken(apiToken!.secret);
    expect(principal).toMatchObject({ id: admin.id, siteAdmin: true });
    expect((await lib.db().setupToken.findFirstOrThrow()).usedAt).not.toBeNull();
    await expect(lib.completeSetup({ ...ADA, token })).rejects.toMatchObject({ code: "CONFLICT" });
    const setup = await lib.db().auditEvent.findFirstOrThrow({ where: { action: "setup.completed" } });
    expect(setup.metadata).toMatchObject({ via: "cli" });
  });
});
