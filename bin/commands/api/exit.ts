import type { Command, CommanderError } from "commander";

/**
 * Exit codes of the commands that talk to a Sluice server (project, env, user, request,
 * deploy), documented in docs/ci.md: pipelines branch on them.
 */
export const CLI_EXIT = {
  OK: 0,
  /** The server refused (bad input, forbidden, not found, conflict, policy), a deploy failed, a request was rejected, or findings reached --fail-on. */
  REFUSED: 1,
  /** A usage mistake, the server unreachable or not Sluice, a missing or rejected API token. */
  USAGE: 2,
  /** --wait or --wait-for ran out of time. */
  TIMEOUT: 3,
} as const;

export type CliExit = (typeof CLI_EXIT)[keyof typeof CLI_EXIT];

/** A failure with its exit code and, when the API said so, its error code and details. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: CliExit,
    message: string,
    readonly info: { code?: string; status?: number; details?: unknown } = {},
  ) {
    super(message);
    this.name = "CliFailure";
  }
}

export type OutputOptions = { json?: boolean };

/** Options every API command takes. */
export function apiCommand(command: Command): Command {
  return command
    .option("--server <url>", "Sluice's address (default: $SLUICE_SERVER)")
    .option("--token <token>", "API token (default: $SLUICE_TOKEN; prefer the variable, a flag shows in the process list)")
    .option("--json", "print one JSON document on stdout instead of text");
}

/** Usage mistakes exit 2 like every other usage problem, not commander's 1 (= refused). */
export function usageExitsWithTwo(command: Command): Command {
  return command.exitOverride((error: CommanderError) => {
    process.exit(error.exitCode === 0 ? CLI_EXIT.OK : CLI_EXIT.USAGE);
  });
}

/** Prints the result: the JSON document with --json, else the text. */
export function emit(opts: OutputOptions, value: unknown, text: () => void): void {
  if (opts.json) console.log(JSON.stringify(value, null, 2));
  else text();
}

/**
 * Runs a command's body and sets the exit code it returns. A failure prints the API's message
 * on stderr (and, with --json, the error document on stdout); nothing ever prints a stack trace
 * or the token.
 */
export async function runCommand(opts: OutputOptions, body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    const failure =
      error instanceof CliFailure
        ? error
        : new CliFailure(CLI_EXIT.USAGE, error instanceof Error ? error.message : String(error), { code: (error as { code?: string }).code ?? "CLI_ERROR" });
    console.error(failure.message);
    if (opts.json) console.log(JSON.stringify({ error: { code: failure.info.code ?? "CLI_ERROR", message: failure.message, details: failure.info.details ?? null } }, null, 2));
    process.exitCode = failure.exitCode;
  }
}
