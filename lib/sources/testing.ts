import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A real git remote for tests: a bare repository (`origin.git`) and a work clone that
 * commits and pushes to it, as a team's repository would receive pushes.
 */
export function createGitRemote(options: { branch?: string } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), "sluice-git-"));
  const home = path.join(root, "home");
  mkdirSync(home);
  const bare = path.join(root, "origin.git");
  const work = path.join(root, "work");
  const branch = options.branch ?? "main";
  const env = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test Author", "-c", "user.email=author@example.test", "-c", "commit.gpgsign=false", ...args], { cwd, env, encoding: "utf8" }).trim();

  git(root, "init", "--bare", "--quiet", `--initial-branch=${branch}`, bare);
  git(root, "init", "--quiet", `--initial-branch=${branch}`, work);
  git(work, "remote", "add", "origin", bare);

  return {
    root,
    bare,
    work,
    branch,
    git: (...args: string[]) => git(work, ...args),
    /** Writes (string or bytes) or deletes (null) files in the work tree, commits them, pushes, and returns the commit id. */
    commit(files: Record<string, string | Buffer | null>, message: string, onBranch = branch): string {
      if (git(work, "branch", "--show-current") !== onBranch) {
        const exists = git(work, "branch", "--list", onBranch) !== "";
        git(work, "checkout", "--quiet", ...(exists ? [onBranch] : ["-b", onBranch]));
      }
      for (const [file, content] of Object.entries(files)) {
        const full = path.join(work, file);
        if (content === null) {
          rmSync(full, { recursive: true, force: true });
          continue;
        }
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
      git(work, "add", "--all");
      git(work, "commit", "--quiet", "--allow-empty", "-m", message);
      git(work, "push", "--quiet", "origin", `HEAD:refs/heads/${onBranch}`);
      return git(work, "rev-parse", "HEAD");
    },
    /** Checks a commit's files out into a fresh folder (what a CI runner's clone would hold). */
    checkout(commit: string): string {
      const dir = mkdtempSync(path.join(root, "checkout-"));
      const tar = `${dir}.tar`;
      git(work, "archive", "--format=tar", `--output=${tar}`, commit);
      execFileSync("tar", ["-x", "-f", tar, "-C", dir]);
      rmSync(tar);
      return dir;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export type GitRemoteFixture = ReturnType<typeof createGitRemote>;
