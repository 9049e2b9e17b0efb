import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gitContext } from "./git-context";

const GITHUB = { GITHUB_HEAD_REF: "feature/pr", GITHUB_REF_NAME: "12/merge", GITHUB_SHA: "abc1234def" };
const IDENTITY = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.test", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.test" };

function repository(): { dir: string; git: (...args: string[]) => string } {
  const work = mkdtempSync(path.join(tmpdir(), "sluice-git-context-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: work, encoding: "utf8", env: { ...process.env, ...IDENTITY } }).trim();
  git("init", "-q", "-b", "feature/x");
  git("commit", "-q", "--allow-empty", "-m", "one");
  const dir = path.join(work, "prisma", "migrations");
  mkdirSync(dir, { recursive: true });
  return { dir, git };
}

describe("gitContext", () => {
  it("takes the branch and commit of the checkout the migrations folder is in", async () => {
    const { dir, git } = repository();
    expect(await gitContext(dir, GITHUB)).toEqual({ branch: "feature/x", commit: git("rev-parse", "HEAD") });
  });

  it("on a detached checkout (a pull request's merge commit) takes the branch from GITHUB_HEAD_REF", async () => {
    const { dir, git } = repository();
    git("checkout", "-q", "--detach");
    expect(await gitContext(dir, GITHUB)).toEqual({ branch: "feature/pr", commit: git("rev-parse", "HEAD") });
    expect(await gitContext(dir, { GITHUB_REF_NAME: "main" })).toMatchObject({ branch: "main" });
  });

  it("outside a checkout falls back to GitHub's variables, else nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sluice-no-git-"));
    expect(await gitContext(dir, GITHUB)).toEqual({ branch: "feature/pr", commit: "abc1234def" });
    expect(await gitContext(dir, {})).toEqual({ branch: null, commit: null });
  });
});
