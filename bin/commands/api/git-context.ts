import { execFile } from "node:child_process";

/**
 * The branch and commit a submission comes from: git in the migrations folder first (a
 * checkout that is on a branch), then the variables GitHub Actions sets — a pull request's
 * checkout is a detached merge commit, whose branch only GITHUB_HEAD_REF names.
 */
export async function gitContext(dir: string, env: Record<string, string | undefined> = process.env): Promise<{ branch: string | null; commit: string | null }> {
  const [branch, commit] = await Promise.all([git(dir, ["rev-parse", "--abbrev-ref", "HEAD"]), git(dir, ["rev-parse", "HEAD"])]);
  return {
    branch: (branch && branch !== "HEAD" ? branch : null) ?? (env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || null),
    commit: commit ?? (env.GITHUB_SHA || null),
  };
}

/** One git command's trimmed output, or null when the folder is not a checkout or git is missing. */
function git(cwd: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, timeout: 10_000, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } }, (error, stdout) => {
      const value = stdout.trim();
      resolve(error || !value ? null : value);
    });
  });
}
