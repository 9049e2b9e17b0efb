import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, query, type TestDatabase } from "@/lib/testing/databases";
import { migrateControlPlane } from "@/lib/server/control-plane-migrations";

// `sluice admin bootstrap` as an operator runs it: a real process against a real control plane.
const ROOT = path.resolve(__dirname, "../..");
const databases: TestDatabase[] = [];
let controlPlane: TestDatabase;
const secrets = { AUTH_SECRET: randomBytes(32).toString("hex"), SLUICE_ENCRYPTION_KEY: randomBytes(32).toString("base64") };

type Run = { code: number | null; stdout: string; stderr: string };

function bootstrap(args: string[], options: { url: string; stdin?: string; password?: string }): Promise<Run> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...secrets, DATABASE_URL: options.url, SLUICE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "sluice-admin-")), SLUICE_PUBLIC_URL: "https://sluice.example.test" };
    delete env.SLUICE_PASSWORD;
    if (options.password !== undefined) env.SLUICE_PASSWORD = options.password;
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bin", "sluice.ts"), "admin", "bootstrap", ...args], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdin.end(options.stdin ?? "");
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  controlPlane = await createTestDatabase("cp_bootstrap");
  databases.push(controlPlane);
  expect((await migrateControlPlane(controlPlane.url)).ok).toBe(true);
});
afterAll(async () => {
  for (const d of databases) await d.drop();
});

describe("sluice admin bootstrap", () => {
  it("refuses an empty or short password with exit 1 and creates nothing", async () => {
    const empty = await bootstrap(["--email", "ada@example.test", "--name", "Ada"], { url: controlPlane.url, stdin: "" });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("password: must be at least 12 characters.");
    const short = await bootstrap(["--email", "ada@example.test", "--name", "Ada"], { url: controlPlane.url, password: "too-short" });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("password: must be at least 12 characters.");
    expect(await query(controlPlane.url, `SELECT 1 FROM "User"`)).toHaveLength(0);
  });

  it("creates the first admin from a piped password (trailing newline dropped) and prints an all-scope token once", async () => {
    const run = await bootstrap(["--email", "Ada@Example.test", "--name", "Ada Admin", "--token", "--json"], { url: controlPlane.url, stdin: "a long enough password\n" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ admin: { email: "ada@example.test", name: "Ada Admin", siteAdmin: true }, signInUrl: "https://sluice.example.test/sign-in" });
    expect(out.token.secret).toMatch(/^slu_/);
    expect(out.token.scopes.sort()).toEqual(["admin", "approve", "deploy", "read", "submit"]);

    const [user] = await query<{ passwordHash: string; siteAdmin: boolean }>(controlPlane.url, `SELECT "passwordHash", "siteAdmin" FROM "User" WHERE email = 'ada@example.test'`);
    expect(user.siteAdmin).toBe(true);
    expect(await bcrypt.compare("a long enough password", user.passwordHash)).toBe(true);
    const tokens = await query<{ tokenHash: string }>(controlPlane.url, `SELECT "tokenHash" FROM "ApiToken"`);
    expect(tokens).toHaveLength(1);
    expect(tokens[0].tokenHash).not.toBe(out.token.secret);
    const actions = await query<{ action: string; after: unknown }>(controlPlane.url, `SELECT action, after FROM "AuditEvent" ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(["user.created", "setup.completed", "token.created"]);
    expect(JSON.stringify(actions)).not.toContain("a long enough password");
    expect(JSON.stringify(actions)).not.toContain(out.token.secret);
  });

  it("is refused with exit 1 once any account exists", async () => {
    const again = await bootstrap(["--email", "eve@example.test", "--name", "Eve"], { url: controlPlane.url, password: "another long password" });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Sluice already has an admin");
    expect(await query(controlPlane.url, `SELECT 1 FROM "User"`)).toHaveLength(1);
  });

  it("says to start Sluice first when the control plane has no tables (exit 2)", async () => {
    const empty = await createTestDatabase("cp_unmigrated");
    databases.push(empty);
    const run = await bootstrap(["--email", "ada@example.test", "--name", "Ada"], { url: empty.url, password: "a long enough password" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("start Sluice once");
  });
});
