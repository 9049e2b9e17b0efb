import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { MigrationFile } from "@/lib/engine";
import { dataDir } from "@/lib/env";
import { GitCommandError, runGit } from "./git-command";
import { migrationsFromBlobs, parseCatFileBatch, parseLsTree, wantedBlobs } from "./git-tree";
import { accessTokenHeader, parseGitRemote, redactGitUrl } from "./git-url";
import { SourceError } from "./source-error";

/**
 * A project's git mirror under the data directory: a bare repository holding the remote's
 * branches (refs/heads/*; pull-request and other refs are not fetched). The first sync
 * creates it, every later one is `git fetch --prune`. Reading a commit's migrations runs
 * only local git commands, so pages never wait on the network: they read stored snapshots.
 * Callers serialise syncs of one project (lib/server/source-lock.ts).
 */

/** A fetch over the network may take this long before it is killed. */
export const FETCH_TIMEOUT_MS = 120_000;
/** Commands that only read the local mirror. */
const LOCAL_TIMEOUT_MS = 30_000;

export type MirrorRemote = { url: string; accessToken?: string | null };
export type BranchHead = { commit: string; committedAt: Date; subject: string };

export function mirrorDirOf(projectId: string): string {
  return path.join(dataDir(), "mirrors", `${projectId}.git`);
}

/** git's HOME: an empty directory of Sluice's own, so no user config, credential helper or prompt applies. */
function gitHome(): string {
  return path.join(dataDir(), "git-home");
}

function short(commit: string): string {
  return commit.slice(0, 7);
}

/** What went wrong with a fetch, in words a person can act on; never the token. */
export function describeFetchFailure(error: GitCommandError, displayUrl: string): SourceError {
  const said = error.stderr;
  if (error.timedOut) return new SourceError("timeout", `Fetching ${displayUrl} did not finish within ${FETCH_TIMEOUT_MS / 1000} s: the server is slow or unreachable.`);
  if (/authentication failed|could not read (username|password)|terminal prompts disabled|HTTP (401|403)|returned error: 40[13]|Invalid username or password|access denied/i.test(said)) {
    return new SourceError("authentication", `${displayUrl} refused the credentials: check that the access token is set, not expired, and may read the repository.`);
  }
  if (/repository .* not found|does not appear to be a git repository|not a git repository|HTTP 404|returned error: 404|No such file or directory/i.test(said)) {
    return new SourceError("repository-missing", `There is no git repository at ${displayUrl} (or the access token may not see it).`);
  }
  if (/dubious ownership/i.test(said)) {
    return new SourceError("failed", `git refuses to read ${displayUrl}: the repository belongs to another user of this server. Make it readable by Sluice's user, or serve it over https.`);
  }
  if (/could not resolve host|failed to connect|connection refused|connection timed out|network is unreachable|couldn't connect|SSL|certificate|TLS/i.test(said)) {
    const detail = said.split("\n").filter(Boolean).at(-1) ?? "";
    return new SourceError("unreachable", `Cannot reach ${displayUrl}: ${detail.replace(/^fatal:\s*/, "")}`);
  }
  if (/transport .* not allowed|unsupported protocol/i.test(said)) return new SourceError("unreachable", `git may not use that transport for ${displayUrl}.`);
  const last = said.split("\n").filter(Boolean).at(-1)?.replace(/^fatal:\s*/, "") ?? error.message;
  return new SourceError("failed", `Fetching ${displayUrl} failed: ${last}`);
}

export class GitMirror {
  constructor(
    readonly dir: string,
    private readonly home: string = gitHome(),
  ) {}

  static ofProject(projectId: string): GitMirror {
    return new GitMirror(mirrorDirOf(projectId));
  }

  private git(args: string[], options: { input?: string; timeoutMs?: number; config?: Record<string, string>; secrets?: string[] } = {}) {
    return runGit({ args, cwd: this.dir, home: this.home, timeoutMs: options.timeoutMs ?? LOCAL_TIMEOUT_MS, input: options.input, config: options.config, secrets: options.secrets });
  }

  private async configuredUrl(): Promise<string | null> {
    if (!existsSync(path.join(this.dir, "HEAD"))) return null;
    try {
      return (await this.git(["config", "--get", "remote.origin.url"])).stdout.toString("utf8").trim() || null;
    } catch {
      return null;
    }
  }

  /** A fresh bare repository that fetches the remote's branches; another repository's objects never stay behind. */
  private async create(url: string): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(path.dirname(this.dir), { recursive: true });
    await runGit({ args: ["init", "--bare", "--quiet", this.dir], home: this.home, timeoutMs: LOCAL_TIMEOUT_MS });
    await this.git(["config", "remote.origin.url", url]);
    await this.git(["config", "remote.origin.fetch", "+refs/heads/*:refs/heads/*"]);
  }

  /** Brings the mirror up to date with the remote (created on first use, re-created when the URL changed). */
  async fetch(remote: MirrorRemote): Promise<void> {
    const token = remote.accessToken || null;
    const target = parseGitRemote(remote.url, { hasToken: Boolean(token) });
    const display = redactGitUrl(remote.url)!;
    await mkdir(this.home, { recursive: true });
    if ((await this.configuredUrl()) !== target.url) await this.create(target.url);
    const header = token ? accessTokenHeader(token) : null;
    const config: Record<string, string> = {
      // Maintenance after a fetch runs inside this command's time limit, never as a detached process outliving the lock.
      "gc.autoDetach": "false",
      "maintenance.autoDetach": "false",
      ...(header ? { "http.extraHeader": header } : {}),
    };
    const secrets = token ? [token, header!, header!.slice("Authorization: Basic ".length)] : [];
    try {
      await this.git(["fetch", "--prune", "--no-tags", "--quiet", "origin"], { timeoutMs: FETCH_TIMEOUT_MS, config, secrets });
    } catch (error) {
      if (error instanceof GitCommandError) throw describeFetchFailure(error, display);
      throw error;
    }
  }

  /** Every branch the mirror holds, with its head commit. */
  private async heads(): Promise<Map<string, BranchHead>> {
    const format = "%(refname)%00%(objectname)%00%(committerdate:iso-strict)%00%(subject)";
    const { stdout } = await this.git(["for-each-ref", `--format=${format}`, "refs/heads/"]);
    const heads = new Map<string, BranchHead>();
    for (const line of stdout.toString("utf8").split("\n")) {
      if (!line) continue;
      const [ref, commit, date, subject] = line.split("\0");
      heads.set(ref.slice("refs/heads/".length), { commit, committedAt: new Date(date), subject: subject.slice(0, 500) });
    }
    return heads;
  }

  async branches(): Promise<string[]> {
    return [...(await this.heads()).keys()].sort();
  }

  /** The branch's head commit as of the last fetch. */
  async headOf(branch: string): Promise<BranchHead> {
    const heads = await this.heads();
    const head = heads.get(branch);
    if (head) return head;
    const names = [...heads.keys()].sort();
    const listed = names.length === 0 ? "the repository has no branches yet" : `it has ${names.slice(0, 10).join(", ")}${names.length > 10 ? ` and ${names.length - 10} more` : ""}`;
    throw new SourceError("branch-missing", `The branch "${branch}" does not exist in the repository: ${listed}.`);
  }

  /**
   * The migrations `folder` (relative to the repository root; "" for the root) holds at
   * `commit`, read with one `ls-tree` and one `cat-file --batch` however many files there are.
   */
  async migrationsAt(commit: string, folder: string): Promise<MigrationFile[]> {
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) throw new SourceError("failed", `"${commit}" is not a commit id.`);
    const where = folder ? `the folder "${folder}" at commit ${short(commit)}` : `the repository root at commit ${short(commit)}`;
    let listing: Buffer;
    try {
      listing = (await this.git(["ls-tree", "-r", "-z", folder ? `${commit}:${folder}` : `${commit}^{tree}`])).stdout;
    } catch (error) {
      if (error instanceof GitCommandError && /not a valid object name|not a tree object|invalid object name|bad object/i.test(error.stderr)) {
        const isFile = /not a tree object/i.test(error.stderr);
        throw new SourceError("folder-missing", isFile ? `"${folder}" is a file at commit ${short(commit)}, not a folder of migrations.` : `The folder "${folder}" does not exist at commit ${short(commit)}.`);
      }
      throw error;
    }
    const wanted = wantedBlobs(parseLsTree(listing));
    if (wanted.length === 0) return [];
    const oids = [...new Set(wanted.map((entry) => entry.oid))];
    const { stdout } = await this.git(["cat-file", "--batch"], { input: `${oids.join("\n")}\n` });
    return migrationsFromBlobs(wanted, parseCatFileBatch(stdout), where);
  }

  /** Deletes the mirror (the project is gone, or its source no longer is git). */
  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
