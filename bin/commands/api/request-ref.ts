import type { Command } from "commander";
import { segment, type ApiClient } from "./client";
import { CLI_EXIT, CliFailure } from "./exit";

// A pipeline that runs after a merge knows its branch, not the number of the request a
// pull request opened: commands that act on a request take either.

export type RequestRefOptions = { project?: string; branch?: string };

/** `[number]`, or `--project S --branch B` for the newest request a pipeline submitted from that branch. */
export function requestRef(command: Command): Command {
  return command
    .argument("[number]", "the request's number (or give --project and --branch)")
    .option("--project <slug>", "with --branch: the project of the request")
    .option("--branch <name>", "with --project: take the newest request submitted from this branch");
}

export async function resolveRequestNumber(client: ApiClient, value: string | undefined, opts: RequestRefOptions): Promise<number> {
  if (value !== undefined) {
    if (opts.branch) throw new CliFailure(CLI_EXIT.USAGE, "Give the request's number or --project and --branch, not both.");
    return requestNumber(value);
  }
  if (!opts.project || !opts.branch) throw new CliFailure(CLI_EXIT.USAGE, "Which request? Give its number, or --project SLUG --branch NAME.");
  const { requests } = await client.get<{ requests: { number: number }[] }>(`/requests?project=${segment(opts.project)}&branch=${segment(opts.branch)}&limit=1`);
  if (!requests.length) throw new CliFailure(CLI_EXIT.REFUSED, `No request in ${opts.project} was submitted from branch ${opts.branch}.`, { code: "NOT_FOUND" });
  return requests[0].number;
}

/** A request number as typed: "42" or "#42". */
export function requestNumber(value: string): number {
  const n = Number(value.replace(/^#/, ""));
  if (!Number.isInteger(n) || n <= 0) throw new CliFailure(CLI_EXIT.USAGE, `"${value}" is not a request number such as 42.`);
  return n;
}
