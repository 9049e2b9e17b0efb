import type { Command } from "commander";
import { apiClient, segment, type ApiOptions } from "./api/client";
import { apiCommand, CLI_EXIT, CliFailure, emit, runCommand, usageExitsWithTwo, type OutputOptions } from "./api/exit";
import { newLogLines, parseDuration, pollUntil } from "./api/wait";
import { requestRef, resolveRequestNumber, type RequestRefOptions } from "./api/request-ref";

type DeployOptions = ApiOptions & OutputOptions & RequestRefOptions & { env: string; wait?: boolean; at?: string; breakGlass?: string; timeout: string; interval: string };

/** What GET /deployments/{id} answers, as far as the CLI reads it. */
type Progress = { id: string; status: string; active: boolean; environment: string; error: string | null; applied: string[]; notRun: string[]; log: string[] };

/**
 * `sluice deploy N --env E [--wait]`: starts a deploy through the API (the server checks role,
 * policy and target). With --wait it follows the deploy, printing the log as it grows, and
 * exits 0 only when it succeeded.
 */
export function registerDeployCommand(program: Command) {
  requestRef(apiCommand(usageExitsWithTwo(program.command("deploy")).description("Deploy a request to an environment (through the API); --wait follows it to the end")))
    .requiredOption("--env <name>", "the environment to deploy to")
    .option("--wait", "follow the deploy and exit 0 only when it succeeded")
    .option("--at <time>", "schedule it: not before this ISO 8601 time, e.g. 2026-12-24T02:00:00Z")
    .option("--break-glass <reason>", "admins only: deploy past the policy, with this reason on record")
    .option("--timeout <duration>", "with --wait: give up waiting after this long (exit 3; the deploy goes on)", "60m")
    .option("--interval <duration>", "with --wait: time between two looks", "2s")
    .action((number: string | undefined, opts: DeployOptions) => runCommand(opts, () => deploy(number, opts)));
}

async function deploy(ref: string | undefined, opts: DeployOptions): Promise<number> {
  const runAt = opts.at === undefined ? undefined : isoTime(opts.at);
  const timeoutMs = parseDuration(opts.timeout, "--timeout");
  const intervalMs = parseDuration(opts.interval, "--interval");
  const client = apiClient(opts);
  const request = await resolveRequestNumber(client, ref, opts);
  const { deployment } = await client.post<{ deployment: { id: string; status: string; environment: string; url: string } }>("/deployments", {
    request,
    environment: opts.env,
    ...(runAt ? { runAt } : {}),
    ...(opts.breakGlass ? { breakGlassReason: opts.breakGlass } : {}),
  });
  if (!opts.wait) {
    emit(opts, { deployment }, () => console.log(`${runAt ? `Scheduled for ${runAt}` : "Queued"}: deploy of request #${request} to ${deployment.environment}. Follow it at ${deployment.url}`));
    return CLI_EXIT.OK;
  }
  if (!opts.json) console.log(`Deploying request #${request} to ${deployment.environment}: ${deployment.url}`);

  let printed: string[] = [];
  const progress = await pollUntil<Progress>(
    async () => {
      const now = await client.get<Progress>(`/deployments/${segment(deployment.id)}`);
      if (!opts.json) for (const line of newLogLines(printed, now.log)) console.log(line);
      printed = now.log;
      return now.active ? { done: false } : { done: true, value: now };
    },
    { timeoutMs, intervalMs, what: `deployment ${deployment.id} to finish (it goes on; follow it at ${deployment.url})` },
  );
  const succeeded = progress.status === "succeeded";
  emit(opts, { deployment: { ...deployment, status: progress.status }, progress }, () => {
    if (succeeded) console.log(`Deploy succeeded: ${progress.applied.length ? `applied ${progress.applied.join(", ")}` : "nothing was left to apply"}.`);
    else console.error(`Deploy ${progress.status.replace("_", " ")}${progress.error ? `: ${progress.error}` : "."}${progress.notRun.length ? ` Not run: ${progress.notRun.join(", ")}.` : ""}`);
  });
  return succeeded ? CLI_EXIT.OK : CLI_EXIT.REFUSED;
}

function isoTime(value: string): string {
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(time.getTime())) throw new CliFailure(CLI_EXIT.USAGE, `--at must be an ISO 8601 time such as 2026-12-24T02:00:00Z, got "${value}".`);
  return time.toISOString();
}
