import { spawn } from "node:child_process";

/**
 * Runs the `git` binary for the mirror: an argument array (never a shell), a clean
 * environment (no user or system config, no prompt, only the transports Sluice allows),
 * a hard timeout that kills git and its helpers, and stderr captured with every secret
 * removed before anyone can see it.
 */

/** Transports git may use, for the repository and anything it points to (submodules, redirects): `ext::` and ssh stay off. */
const ALLOWED_PROTOCOLS = "https:http:file";
/** A migrations folder is small; a runaway `cat-file` is not allowed to fill the server's memory. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
/** Variables a corporate network needs to reach its git server (proxies, its own CA bundle). */
const PASSED_THROUGH = ["PATH", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR", "GIT_SSL_CAINFO"];

export type GitRun = {
  args: string[];
  /** The empty directory git gets as HOME, so no user config or credential helper applies. */
  home: string;
  cwd?: string;
  /**
   * Configuration for this run only, given through GIT_CONFIG_COUNT/KEY/VALUE: unlike
   * `-c key=value` it never appears in the process list, and unlike `clone -c` it is
   * never written into the repository's config file.
   */
  config?: Record<string, string>;
  input?: string | Buffer;
  timeoutMs: number;
  /** Strings removed from any message this run produces (the access token and its encodings). */
  secrets?: string[];
};

export type GitResult = { stdout: Buffer; stderr: string };

/** git failed, timed out or could not start. `stderr` is already redacted. */
export class GitCommandError extends Error {
  constructor(
    message: string,
    public readonly stderr: string,
    public readonly exitCode: number | null,
    public readonly timedOut: boolean,
  ) {
    super(message);
    this.name = "GitCommandError";
  }
}

/** Credentials in URLs (`https://user:pass@host`) and the given secrets become `***`. */
export function redactText(text: string, secrets: string[] = []): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, "$1***@");
  for (const secret of secrets) if (secret) out = out.split(secret).join("***");
  return out;
}

function gitEnvironment(run: GitRun): Record<string, string | undefined> {
  const environment: Record<string, string | undefined> = {};
  for (const name of PASSED_THROUGH) if (process.env[name] !== undefined) environment[name] = process.env[name];
  Object.assign(environment, {
    HOME: run.home,
    XDG_CONFIG_HOME: run.home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ALLOW_PROTOCOL: ALLOWED_PROTOCOLS,
    GIT_PROTOCOL_FROM_USER: "0",
    // English messages: the mirror recognises failures by what git says.
    LC_ALL: "C",
    LANG: "C",
  });
  const entries = Object.entries(run.config ?? {});
  environment.GIT_CONFIG_COUNT = String(entries.length);
  entries.forEach(([key, value], index) => {
    environment[`GIT_CONFIG_KEY_${index}`] = key;
    environment[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return environment;
}

export function runGit(run: GitRun): Promise<GitResult> {
  const secrets = run.secrets ?? [];
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout also ends git-remote-https and upload-pack.
    const child = spawn("git", run.args, { cwd: run.cwd, env: gitEnvironment(run) as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    let overflow = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, run.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) {
        overflow = true;
        killGroup();
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new GitCommandError(`git could not be started: ${error.message}`, "", null, false));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const text = redactText(Buffer.concat(stderr).toString("utf8"), secrets).trim();
      if (timedOut) return reject(new GitCommandError(`git ${run.args[0]} did not finish within ${Math.round(run.timeoutMs / 1000)} s`, text, code, true));
      if (overflow) return reject(new GitCommandError(`git ${run.args[0]} produced more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MB`, text, code, false));
      if (code !== 0) return reject(new GitCommandError(`git ${run.args[0]} failed: ${text.split("\n").filter(Boolean).at(-1) ?? `exit code ${code}`}`, text, code, false));
      resolve({ stdout: Buffer.concat(stdout), stderr: text });
    });
    // git may exit before reading all of its input (a bad object name): that is its answer, not ours to crash on.
    child.stdin.on("error", () => undefined);
    child.stdin.end(run.input ?? "");
  });
}
