import { readFile } from "node:fs/promises";
import { CLI_EXIT, CliFailure } from "./exit";

// Secrets reach the CLI through environment variables, files or stdin, never as flags:
// flags end up in shell history, CI logs and the process list.

/** The value of an environment variable a flag names (`--access-token-env GH_TOKEN`). */
export function secretFromEnv(variable: string, flag: string): string {
  const value = process.env[variable];
  if (!value) throw new CliFailure(CLI_EXIT.USAGE, `${flag} ${variable}: that environment variable is not set or empty.`);
  return value;
}

/** Everything piped in, without its trailing newline; refused when stdin is a terminal (typing would echo). */
export async function secretFromStdin(flag: string): Promise<string> {
  if (process.stdin.isTTY) throw new CliFailure(CLI_EXIT.USAGE, `${flag}: pipe the secret in, e.g. printf '%s\\n' "$PASSWORD" | sluice … ${flag}`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const value = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (!value) throw new CliFailure(CLI_EXIT.USAGE, `${flag}: nothing came in on stdin.`);
  return value;
}

/** A file's text (a CA certificate), with a message naming the file when it cannot be read. */
export async function textOfFile(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new CliFailure(CLI_EXIT.USAGE, `${flag} ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`);
  }
}
