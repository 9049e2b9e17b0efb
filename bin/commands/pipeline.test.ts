import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { query } from "@/lib/testing/databases";
import type { Route } from "./api/route-server";

// The pipeline commands end to end: the CLI as a child process, talking HTTP to Sluice's real
// /api/v1 route handlers, over a real control plane and real target databases.
const ROOT = path.resolve(__dirname, "../..");

// next-auth does not load outside Next; the CLI authenticates with bearer tokens only, so no session is ever signed in.
vi.mock("@/lib/auth/session", () => import("@/lib/testing/api-session"));

let fx: DeployFixture;
let server: { url: string; close: () => Promise<void> };
let tokens: Record<"requester" | "approver" | "approverReadOnly" | "deployer", string>;
let lib: { db: typeof import("@/lib/db").db; runDeployment: typeof import("@/lib/deploy/run").runDeployment };

beforeAll(async () => {
  fx = await createDeployFixture();
  lib = { db: (await import("@/lib/db")).db, runDeployment: (await import("@/lib/deploy/run")).runDeployment };
  const { createApiToken } = await import("@/lib/server/tokens");
  const token = async (user: DeployFixture["users"]["requester"], scopes: ("read" | "submit" | "approve" | "deploy")[]) => (await createApiToken(user, { userId: user.id, name: "cli test", scopes })).secret;
  tokens = {
    requester: await token(fx.users.requester, ["read", "submit"]),
    approver: await token(fx.users.approver, ["read", "approve"]),
    approverReadOnly: await token(fx.users.approver, ["read"]),
    deployer: await token(fx.users.deployer, ["read", "deploy"]),
  };
  const { serveRoutes } = await import("./api/route-server");
  const routes: Route[] = [
    { method: "POST", path: "/requests", handler: (await import("@/app/api/v1/requests/route")).POST },
    { method: "GET", path: "/requests", handler: (await import("@/app/api/v1/requests/route")).GET },
    { method: "GET", path: "/requests/{number}", handler: (await import("@/app/api/v1/requests/[number]/route")).GET },
    { method: "POST", path: "/requests/{number}/approvals", handler: (await import("@/app/api/v1/requests/[number]/approvals/route")).POST },
    { method: "POST", path: "/deployments", handler: (await import("@/app/api/v1/deployments/route")).POST },
    { method: "GET", path: "/deployments/{id}", handler: (await import("@/app/api/v1/deployments/[id]/route")).GET },
  ];
  server = await serveRoutes(routes);
}, 180_000);
afterAll(async () => {
  await server?.close();
  await fx?.drop();
});

type Run = { code: number; stdout: string; stderr: string };

/** `sluice …` through tsx, as bin/sluice.js runs it without a bundle. */
function sluice(args: string[], options: { token?: string; cwd?: string; env?: Record<string, string> } = {}): { done: Promise<Run> } {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bin", "sluice.ts"), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, SLUICE_SERVER: server.url, SLUICE_TOKEN: options.token ?? "", GITHUB_HEAD_REF: "", GITHUB_REF_NAME: "", GITHUB_SHA: "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  return { done: new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }))) };
}
const run = (args: string[], options?: Parameters<typeof sluice>[1]) => sluice(args, options).done;

/** A work tree on branch feature/cli whose prisma/migrations holds these migrations, committed. */
function repository(migrations: Record<string, string>): { dir: string; commit: string } {
  const work = mkdtempSync(path.join(tmpdir(), "sluice-cli-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: work, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.test", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.test" } }).trim();
  git("init", "-q", "-b", "feature/cli");
  const dir = path.join(work, "prisma", "migrations");
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  git("add", ".");
  git("commit", "-q", "-m", "migrations");
  return { dir, commit: git("rev-parse", "HEAD") };
}

describe("sluice request / deploy against the API", () => {
  let number: number;
  const first = { "20260401000000_cli_accounts": "CREATE TABLE cli_accounts (id int PRIMARY KEY, email text);\n" };

  it("submits a folder: branch and commit from git, findings and the request's URL printed", async () => {
    const repo = repository(first);
    const result = await run(["request", "submit", "--project", fx.project.slug, "--dir", repo.dir], { token: tokens.requester });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const match = /Opened request #(\d+) with 1 migration for review: (\S+)/.exec(result.stdout);
    expect(match, result.stdout).not.toBeNull();
    number = Number(match![1]);
    expect(match![2]).toMatch(new RegExp(`/requests/${number}$`));
    const request = await lib.db().migrationRequest.findUniqueOrThrow({ where: { number } });
    expect(request).toMatchObject({ branch: "feature/cli", sourceCommit: repo.commit, status: "in_review" });
  });

  it("updates the branch's request on the next push and exits 1 when a finding reaches --fail-on (--json)", async () => {
    const repo = repository({ ...first, "20260401000001_cli_index": "CREATE INDEX cli_accounts_email ON cli_accounts (email);\n" });
    const result = await run(["request", "submit", "--project", fx.project.slug, "--dir", repo.dir, "--fail-on", "medium", "--json"], { token: tokens.requester });
    expect(result.code).toBe(1);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ created: false, request: { number }, failOn: "medium" });
    expect(answer.migrations.map((m: { name: string }) => m.name)).toEqual(["20260401000000_cli_accounts", "20260401000001_cli_index"]);
    expect(answer.findings.some((f: { rule: string; migration: string }) => f.migration === "20260401000001_cli_index" && f.rule === "require-concurrent-index")).toBe(true);
    expect(answer.failing).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/medium or worse/);
  });

  it("refuses what the token's scopes do not allow (exit 1, the API's message), a bad token (exit 2), and times out waiting (exit 3)", async () => {
    const approve = await run(["request", "approve", String(number), "--env", "dev"], { token: tokens.approverReadOnly });
    expect(approve.code).toBe(1);
    expect(approve.stderr).toMatch(/token's scopes or projects do not allow request\.approve/);
    const byRole = await run(["request", "approve", String(number), "--env", "dev"], { token: tokens.requester });
    expect(byRole.code).toBe(1);
    expect(byRole.stderr).toMatch(/Your role \(requester\) may not do this: request\.approve/);
    const deploy = await run(["deploy", String(number), "--env", "dev", "--json"], { token: tokens.approver });
    expect(deploy.code).toBe(1);
    expect(JSON.parse(deploy.stdout).error.code).toBe("FORBIDDEN");

    const badToken = await run(["request", "status", String(number)], { token: "slu_not_a_token" });
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toMatch(/token is missing, malformed, expired or revoked/);

    const waited = await run(["request", "status", String(number), "--wait-for", "approved", "--env", "dev", "--timeout", "1s", "--interval", "200ms"], { token: tokens.requester });
    expect(waited.code).toBe(3);
    expect(waited.stderr).toMatch(/Timed out after 1 s waiting for request #\d+ to be approved in dev/);
  });

  it("approves, waits for the approval, deploys with --wait printing the log, and exits 0 when the deploy succeeded", async () => {
    const approve = await run(["request", "approve", String(number), "--env", "dev", "--comment", "fine on dev"], { token: tokens.approver });
    expect(approve.stderr).toBe("");
    expect(approve.stdout).toMatch(new RegExp(`Approved request #${number} for dev`));
    expect(approve.code).toBe(0);

    const approved = await run(["request", "status", String(number), "--wait-for", "approved", "--env", "dev", "--timeout", "10s"], { token: tokens.requester });
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/is approved in dev/);

    const deploying = sluice(["deploy", String(number), "--env", "dev", "--wait", "--interval", "300ms", "--timeout", "2m"], { token: tokens.deployer });
    // The worker's part: run the queued deploy as `sluice worker` would.
    const request = await lib.db().migrationRequest.findUniqueOrThrow({ where: { number } });
    let deployment = null;
    for (let i = 0; i < 100 && !deployment; i++) {
      deployment = await lib.db().deployment.findFirst({ where: { requestId: request.id, status: "queued" } });
      if (!deployment) await new Promise((r) => setTimeout(r, 200));
    }
    expect(deployment).not.toBeNull();
    await lib.runDeployment(deployment!.id, { workerId: "cli-test" });
    const result = await deploying.done;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Applying 20260401000000_cli_accounts\n.*Applied 20260401000000_cli_accounts/);
    expect(result.stdout).toMatch(/Deploy succeeded: applied 20260401000000_cli_accounts, 20260401000001_cli_index/);
    const rows = await query<{ migration_name: string }>(fx.environments.dev.url, "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name");
    expect(rows.map((r) => r.migration_name)).toEqual(expect.arrayContaining(["20260401000000_cli_accounts", "20260401000001_cli_index"]));

    // After a merge a pipeline knows the branch, not the number.
    const deployed = await run(["request", "status", "--project", fx.project.slug, "--branch", "feature/cli", "--wait-for", "deployed", "--env", "dev", "--json"], { token: tokens.requester });
    expect(deployed.code).toBe(0);
    expect(JSON.parse(deployed.stdout)).toMatchObject({ reached: true, request: { number } });
  });

  it("says nothing is pending once dev has applied everything", async () => {
    const repo = repository({ ...first, "20260401000001_cli_index": "CREATE INDEX cli_accounts_email ON cli_accounts (email);\n" });
    const result = await run(["request", "submit", "--project", fx.project.slug, "--dir", repo.dir], { token: tokens.requester });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Nothing to submit: all 2 migrations are already applied on dev/);
  });

  it("refuses usage mistakes with exit 2 before calling the server", async () => {
    const noDir = await run(["request", "submit", "--project", fx.project.slug, "--dir", path.join(tmpdir(), "no-such-migrations")], { token: tokens.requester });
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toMatch(/Cannot read migrations directory/);
    const badWait = await run(["request", "status", "1", "--wait-for", "deployed"], { token: tokens.requester });
    expect(badWait.code).toBe(2);
    expect(badWait.stderr).toMatch(/--wait-for needs --env/);
    const unknownFlag = await run(["deploy", "1", "--env", "dev", "--nope"], { token: tokens.requester });
    expect(unknownFlag.code).toBe(2);
    const which = await run(["deploy", "--env", "dev"], { token: tokens.requester });
    expect(which.code).toBe(2);
    expect(which.stderr).toMatch(/Which request\? Give its number, or --project SLUG --branch NAME/);
    const noBranch = await run(["deploy", "--project", fx.project.slug, "--branch", "no/such-branch", "--env", "dev"], { token: tokens.deployer });
    expect(noBranch.code).toBe(1);
    expect(noBranch.stderr).toMatch(/No request in .* was submitted from branch no\/such-branch/);
  });
});
