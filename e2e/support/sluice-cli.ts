import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

export type CliRun = { code: number; stdout: string; stderr: string };

/**
 * Runs the installed `sluice` command (bin/sluice.js: the bundle when fresh, else tsx) as a
 * pipeline would, with only the variables given: no DATABASE_URL or secrets of the test
 * process leak into it.
 */
export function sluiceCli(args: string[], options: { env?: Record<string, string>; stdin?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/root", ...options.env } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "sluice.js"), ...args], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(options.stdin ?? "");
  const timer = setTimeout(() => child.kill("SIGTERM"), options.timeoutMs ?? 240_000);
  return new Promise((resolve) =>
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    }),
  );
}

/** The one JSON document a `--json` run printed, with the run's output in the error when it is not JSON. */
export function jsonOf<T = Record<string, unknown>>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`expected JSON on stdout (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}
