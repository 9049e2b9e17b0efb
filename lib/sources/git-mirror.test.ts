import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readMigrationsSource } from "@/lib/engine";
import { GitMirror } from "./git-mirror";
import { GitCommandError, runGit } from "./git-command";
import { SourceError } from "./source-error";
import { createGitRemote, type GitRemoteFixture } from "./testing";

// A real bare repository and a real mirror: what `git` does, not what we think it does.
let remote: GitRemoteFixture;
let scratch: string;
let mirror: GitMirror;

const FOLDER = "prisma/migrations";
const LOCK = 'provider = "postgresql"\n';

beforeAll(() => {
  remote = createGitRemote();
  scratch = mkdtempSync(path.join(tmpdir(), "sluice-mirror-"));
  mirror = new GitMirror(path.join(scratch, "mirrors", "p1.git"), path.join(scratch, "home"));
});
afterAll(() => {
  remote?.remove();
  rmSync(scratch, { recursive: true, force: true });
});

function expectSourceError(failure: SourceError["failure"]) {
  return expect.objectContaining({ name: "SourceError", failure });
}

describe("git mirror", () => {
  it("mirrors a bare repository by path and reads the branch head", async () => {
    const first = remote.commit({ [`${FOLDER}/migration_lock.toml`]: LOCK, [`${FOLDER}/20260101000000_init/migration.sql`]: "CREATE TABLE a (id int);\n" }, "Initial schema");
    await mirror.fetch({ url: remote.bare });
    const head = await mirror.headOf("main");
    expect(head).toMatchObject({ commit: first, subject: "Initial schema" });
    expect(head.committedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await mirror.migrationsAt(first, FOLDER)).toEqual([
      expect.objectContaining({ name: "20260101000000_init", sql: "CREATE TABLE a (id int);\n", downSql: null, verifySql: null }),
    ]);
  });

  it("reads exactly what the engine reads from a checkout of the same commit", async () => {
    const commit = remote.commit(
      {
        [`${FOLDER}/20260102000000_with companions/migration.sql`]: "ALTER TABLE a ADD COLUMN b int;\r\n",
        [`${FOLDER}/20260102000000_with companions/down.sql`]: "ALTER TABLE a DROP COLUMN b;\n",
        [`${FOLDER}/20260102000000_with companions/verify.sql`]: "SELECT 1 WHERE false;\n",
        // A real project's folder named like a file is still a migration.
        [`${FOLDER}/20260103000000_backfill.sql/migration.sql`]: "UPDATE a SET b = 1;\n",
        [`${FOLDER}/20260104000000_ünïcode/migration.sql`]: "-- é\nSELECT 'ü';\n",
        // Bytes that are not UTF-8: the checksum is over the raw bytes on both sides.
        [`${FOLDER}/20260105000000_latin1/migration.sql`]: Buffer.from([0x2d, 0x2d, 0x20, 0xe9, 0x0a]),
        [`${FOLDER}/20260106000000_no_sql/README.md`]: "not a migration\n",
        [`${FOLDER}/20260107000000_down_only/down.sql`]: "SELECT 1;\n",
        [`${FOLDER}/20260108000000_nested/deeper/migration.sql`]: "SELECT 2;\n",
        [`${FOLDER}/lone.sql`]: "SELECT 3;\n",
        [`${FOLDER}/A_upper/migration.sql`]: "SELECT 4;\n",
        [`${FOLDER}/b_lower/migration.sql`]: "SELECT 5;\n",
      },
      "Every shape a migrations folder takes",
    );
    await mirror.fetch({ url: remote.bare });
    const fromGit = await mirror.migrationsAt(commit, FOLDER);
    const fromDisk = (await readMigrationsSource(path.join(remote.checkout(commit), FOLDER))).migrations;
    expect(fromGit).toEqual(fromDisk);
    expect(fromGit.map((m) => m.name)).toEqual(fromDisk.map((m) => m.name));
    expect(fromGit.find((m) => m.name === "20260102000000_with companions")).toMatchObject({ downSql: "ALTER TABLE a DROP COLUMN b;\n", verifySql: "SELECT 1 WHERE false;\n" });
    expect(fromGit.map((m) => m.name)).toContain("20260103000000_backfill.sql");
    expect(fromGit.map((m) => m.name)).not.toContain("20260106000000_no_sql");
    expect(fromGit.map((m) => m.name)).not.toContain("20260107000000_down_only");
  });

  it("follows new commits, and a commit read later still gives its own files", async () => {
    const before = (await mirror.headOf("main")).commit;
    const beforeFiles = await mirror.migrationsAt(before, FOLDER);
    const after = remote.commit({ [`${FOLDER}/20260101000000_init/migration.sql`]: "CREATE TABLE a (id bigint);\n", [`${FOLDER}/20260109000000_more/migration.sql`]: "SELECT 6;\n" }, "Edit an old one, add one");
    expect((await mirror.headOf("main")).commit).toBe(before);
    await mirror.fetch({ url: remote.bare });
    expect((await mirror.headOf("main")).commit).toBe(after);
    expect(await mirror.migrationsAt(before, FOLDER)).toEqual(beforeFiles);
    const afterFiles = await mirror.migrationsAt(after, FOLDER);
    expect(afterFiles.find((m) => m.name === "20260101000000_init")!.sql).toBe("CREATE TABLE a (id bigint);\n");
    expect(afterFiles.map((m) => m.name)).toContain("20260109000000_more");
    expect(afterFiles).toHaveLength(beforeFiles.length + 1);
  });

  it("names a missing branch and lists the ones there are", async () => {
    remote.commit({ "README.md": "feature\n" }, "On a feature branch", "feature/x");
    await mirror.fetch({ url: remote.bare });
    const error = await mirror.headOf("develop").catch((e: unknown) => e);
    expect(error).toEqual(expectSourceError("branch-missing"));
    expect((error as Error).message).toBe('The branch "develop" does not exist in the repository: it has feature/x, main.');
    expect((error as SourceError).code).toBe("CONFLICT");
  });

  it("says when the folder is missing at a commit, or is a file", async () => {
    const head = (await mirror.headOf("main")).commit;
    await expect(mirror.migrationsAt(head, "db/migrations")).rejects.toEqual(expectSourceError("folder-missing"));
    await expect(mirror.migrationsAt(head, "db/migrations")).rejects.toThrow(`The folder "db/migrations" does not exist at commit ${head.slice(0, 7)}.`);
    await expect(mirror.migrationsAt(head, `${FOLDER}/migration_lock.toml`)).rejects.toThrow(/is a file at commit .*, not a folder of migrations/);
  });

  it("refuses a folder whose migration_lock.toml names another database", async () => {
    const commit = remote.commit({ "other/migration_lock.toml": 'provider = "mysql"\n', "other/1_x/migration.sql": "SELECT 1;\n" }, "mysql project");
    await mirror.fetch({ url: remote.bare });
    await expect(mirror.migrationsAt(commit, "other")).rejects.toThrow('migration_lock.toml in the folder "other" at commit');
    await expect(mirror.migrationsAt(commit, "other")).rejects.toEqual(expectSourceError("unsupported"));
  });

  it("prunes branches deleted on the remote", async () => {
    remote.git("push", "--quiet", "origin", "--delete", "feature/x");
    await mirror.fetch({ url: remote.bare });
    expect(await mirror.branches()).toEqual(["main"]);
  });

  it("starts over when the URL points at another repository", async () => {
    const other = createGitRemote({ branch: "trunk" });
    try {
      const commit = other.commit({ "m/1_a/migration.sql": "SELECT 'other';\n" }, "Other repository");
      await mirror.fetch({ url: `file://${other.bare}` });
      expect(await mirror.branches()).toEqual(["trunk"]);
      expect((await mirror.headOf("trunk")).commit).toBe(commit);
    } finally {
      other.remove();
    }
  });

  it("reports a missing repository", async () => {
    const lost = new GitMirror(path.join(scratch, "mirrors", "lost.git"), path.join(scratch, "home"));
    await expect(lost.fetch({ url: path.join(scratch, "nothing-here.git") })).rejects.toEqual(expectSourceError("repository-missing"));
  });

  it("never lets the access token reach a message, even when the server cannot be reached", async () => {
    const secret = "ghp_SECRETabcdefghijklmnopqrstuvwxyz0123";
    const unreachable = new GitMirror(path.join(scratch, "mirrors", "down.git"), path.join(scratch, "home"));
    const error = (await unreachable.fetch({ url: "https://127.0.0.1:1/acme/app.git", accessToken: secret }).catch((e: unknown) => e)) as SourceError;
    expect(error).toEqual(expectSourceError("unreachable"));
    expect(error.code).toBe("TARGET_FAILED");
    expect(error.message).toMatch(/^Cannot reach https:\/\/127\.0\.0\.1:1\/acme\/app\.git/);
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain("SECRET");
    expect(JSON.stringify({ message: error.message })).not.toContain(Buffer.from(`x-access-token:${secret}`).toString("base64"));
  });
});

describe("running git", () => {
  let server: Server;
  let port = 0;
  const seen: IncomingHttpHeaders[] = [];
  let stall = false;

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers);
      if (stall) return;
      response.writeHead(401, { "WWW-Authenticate": 'Basic realm="git"' });
      response.end("no");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends configuration through the environment, never in the argument list, and redacts it from stderr", async () => {
    const header = "Authorization: Basic c2VjcmV0LXRva2Vu";
    const error = (await runGit({ args: ["ls-remote", `http://127.0.0.1:${port}/repo.git`], home: scratch, timeoutMs: 20_000, config: { "http.extraHeader": header }, secrets: ["c2VjcmV0LXRva2Vu"] }).catch((e: unknown) => e)) as GitCommandError;
    expect(error).toBeInstanceOf(GitCommandError);
    expect(seen.at(-1)?.authorization).toBe("Basic c2VjcmV0LXRva2Vu");
    // No prompt: git gives up at once instead of waiting for a user name.
    expect(error.stderr).toMatch(/terminal prompts disabled|Authentication failed/);
    expect(error.message + error.stderr).not.toContain("c2VjcmV0LXRva2Vu");
  });

  it("maps a refused login to an authentication failure", async () => {
    const lock = new GitMirror(path.join(scratch, "mirrors", "auth.git"), path.join(scratch, "home"));
    await expect(lock.fetch({ url: `http://127.0.0.1:${port}/private.git` })).rejects.toEqual(expectSourceError("authentication"));
  });

  it("kills git when it runs past its time limit", async () => {
    stall = true;
    const started = Date.now();
    const error = (await runGit({ args: ["ls-remote", `http://127.0.0.1:${port}/slow.git`], home: scratch, timeoutMs: 1_000 }).catch((e: unknown) => e)) as GitCommandError;
    expect(error.timedOut).toBe(true);
    expect(error.message).toBe("git ls-remote did not finish within 1 s");
    expect(Date.now() - started).toBeLessThan(10_000);
    stall = false;
  });
});
