import path from "node:path";
import { Option, type Command } from "commander";
import { checksumOf } from "../../lib/engine/checksum";
import { readMigrationsSource } from "../../lib/engine/source";
import { SEVERITIES, type Severity } from "../../lib/lint/types";
import type { TSubmissionResult } from "../../lib/schemas/submission";
import { apiClient, type ApiOptions } from "./api/client";
import { apiCommand, CLI_EXIT, CliFailure, emit, runCommand, usageExitsWithTwo, type OutputOptions } from "./api/exit";
import { gitContext } from "./api/git-context";
import { requestRef, resolveRequestNumber, type RequestRefOptions } from "./api/request-ref";
import { parseDuration, pollUntil } from "./api/wait";

type Options = ApiOptions & OutputOptions;
type RefOptions = Options & RequestRefOptions;

const FAIL_ON = ["low", "medium", "high", "critical"] as const;

/** What GET /requests/{number} answers, as far as the CLI reads it. */
export type RequestState = {
  number: number;
  title: string;
  status: string;
  url: string;
  environments: { name: string; approved: boolean; deployed: boolean; missing: string[]; lastDeployment: { id: string; status: string } | null }[];
};

/** `sluice request submit | approve | status`: a pipeline's side of review. */
export function registerRequestCommands(program: Command) {
  const request = usageExitsWithTwo(program.command("request").description("Submit migrations for review, approve them, and follow a request (through the API)"));

  apiCommand(request.command("submit").description("Upload a migrations folder: opens or updates the open request of its branch"))
    .requiredOption("--project <slug>", "the project")
    .option("--dir <path>", "the Prisma migrations folder", "prisma/migrations")
    .option("--branch <name>", "the branch (default: git's, else GITHUB_HEAD_REF / GITHUB_REF_NAME)")
    .option("--commit <sha>", "the commit (default: git's HEAD, else GITHUB_SHA)")
    .option("--title <title>", "the request's title (default: <branch>: <first migration>)")
    .option("--description <text>", "the request's description")
    .option("--draft", "open it as a draft instead of submitting it for review")
    .addOption(new Option("--fail-on <severity>", "exit 1 when a lint finding is at or above this severity").choices(FAIL_ON))
    .action((opts: Options & SubmitOptions) => runCommand(opts, () => submit(opts)));

  requestRef(apiCommand(request.command("approve").description("Approve a request (for one environment, or every one your approver scope covers)")))
    .option("--env <name>", "the environment the approval is for (default: every one your scope covers)")
    .option("--comment <text>", "a comment on the decision")
    .action((number: string | undefined, opts: RefOptions & { env?: string; comment?: string }) =>
      runCommand(opts, async () => {
        const client = apiClient(opts);
        const body = { decision: "approved", ...(opts.env ? { environment: opts.env } : {}), ...(opts.comment ? { comment: opts.comment } : {}) };
        const target = await resolveRequestNumber(client, number, opts);
        const answer = await client.post<{ approval: { environment: string | null }; request: { number: number; status: string } }>(`/requests/${target}/approvals`, body);
        emit(opts, answer, () => console.log(`Approved request #${answer.request.number}${answer.approval.environment ? ` for ${answer.approval.environment}` : ""}; it is now ${answer.request.status.replace("_", " ")}.`));
        return CLI_EXIT.OK;
      }),
    );

  requestRef(apiCommand(request.command("status").description("Where a request stands per environment; --wait-for waits until it is approved or deployed there")))
    .addOption(new Option("--wait-for <state>", "wait until the request is approved (or deployed) in --env").choices(["approved", "deployed"]))
    .option("--env <name>", "the environment --wait-for is about")
    .option("--timeout <duration>", "give up after this long (exit 3)", "30m")
    .option("--interval <duration>", "time between two looks", "10s")
    .action((number: string | undefined, opts: RefOptions & StatusOptions) => runCommand(opts, () => status(number, opts)));
}

type SubmitOptions = { project: string; dir: string; branch?: string; commit?: string; title?: string; description?: string; draft?: boolean; failOn?: Severity };

async function submit(opts: Options & SubmitOptions): Promise<number> {
  const dir = path.resolve(opts.dir);
  const client = apiClient(opts);
  const source = await readMigrationsSource(dir).catch((error: Error) => {
    throw new CliFailure(CLI_EXIT.USAGE, error.message, { code: "BAD_INPUT" });
  });
  if (!source.migrations.length) throw new CliFailure(CLI_EXIT.USAGE, `No migrations in ${dir}: Sluice looks for <name>/migration.sql folders there.`, { code: "BAD_INPUT" });
  for (const m of source.migrations) {
    // The upload is JSON text: a file that is not UTF-8 would arrive with another checksum than Prisma records.
    if (checksumOf(m.sql) !== m.checksum) throw new CliFailure(CLI_EXIT.USAGE, `${m.name}/migration.sql is not valid UTF-8: save it as UTF-8 and submit again.`, { code: "BAD_INPUT" });
  }
  if (source.skipped.length && !opts.json) console.error(`Skipped (no migration.sql): ${source.skipped.join(", ")}`);
  const git = await gitContext(dir);
  const body = {
    project: opts.project,
    files: source.migrations.map((m) => ({ name: m.name, sql: m.sql, downSql: m.downSql, verifySql: m.verifySql })),
    branch: opts.branch ?? git.branch,
    commit: opts.commit ?? git.commit,
    ...(opts.title ? { title: opts.title } : {}),
    ...(opts.description ? { description: opts.description } : {}),
    draft: Boolean(opts.draft),
  };
  const result = await client.post<TSubmissionResult>("/requests", body);
  const failing = opts.failOn ? result.findings.filter((f) => SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(opts.failOn!)) : [];
  emit(opts, { ...result, failOn: opts.failOn ?? null, failing: failing.length }, () => {
    for (const f of result.findings) console.log(`${f.severity.padEnd(8)} ${f.rule}  ${f.migration}/migration.sql:${f.line}  ${f.message}`);
    if (result.findings.length) console.log("");
    console.log(result.message);
  });
  if (failing.length) console.error(`${failing.length} finding${failing.length === 1 ? " is" : "s are"} ${opts.failOn} or worse (--fail-on ${opts.failOn}).`);
  return failing.length ? CLI_EXIT.REFUSED : CLI_EXIT.OK;
}

type StatusOptions = { waitFor?: "approved" | "deployed"; env?: string; timeout: string; interval: string };

/** Request states after which waiting is pointless: nobody will approve or deploy it any more. */
const CLOSED = ["rejected", "cancelled", "failed", "rolled_back"];

async function status(ref: string | undefined, opts: RefOptions & StatusOptions): Promise<number> {
  if (opts.waitFor && !opts.env) throw new CliFailure(CLI_EXIT.USAGE, "--wait-for needs --env: the environment to wait for.");
  if (opts.env && !opts.waitFor) throw new CliFailure(CLI_EXIT.USAGE, "--env goes with --wait-for approved|deployed.");
  const timeoutMs = parseDuration(opts.timeout, "--timeout");
  const intervalMs = parseDuration(opts.interval, "--interval");
  const client = apiClient(opts);
  const number = await resolveRequestNumber(client, ref, opts);
  const read = async () => (await client.get<{ request: RequestState }>(`/requests/${number}`)).request;

  if (!opts.waitFor) {
    const request = await read();
    emit(opts, { request }, () => printState(request));
    return CLI_EXIT.OK;
  }
  const goal = opts.waitFor;
  let last = "";
  const outcome = await pollUntil<{ request: RequestState; reached: boolean }>(
    async () => {
      const request = await read();
      const environment = request.environments.find((e) => e.name === opts.env);
      if (!environment) throw new CliFailure(CLI_EXIT.USAGE, `Request #${number}'s project has no environment "${opts.env}" (it has ${request.environments.map((e) => e.name).join(", ") || "none"}).`);
      if (environment[goal]) return { done: true, value: { request, reached: true } };
      const deployFailed = goal === "deployed" && environment.lastDeployment && ["failed", "rolled_back"].includes(environment.lastDeployment.status);
      if (CLOSED.includes(request.status) || deployFailed) return { done: true, value: { request, reached: false } };
      const now = `${request.status}: ${environment.missing.join("; ") || "waiting"}`;
      if (now !== last && !opts.json) console.error(`#${number} ${now.replace("_", " ")}`);
      last = now;
      return { done: false };
    },
    { timeoutMs, intervalMs, what: `request #${number} to be ${goal} in ${opts.env}` },
  );
  const environment = outcome.request.environments.find((e) => e.name === opts.env)!;
  emit(opts, { request: outcome.request, reached: outcome.reached }, () => {
    if (outcome.reached) console.log(`Request #${number} is ${goal} in ${opts.env}.`);
    else console.error(`Request #${number} will not be ${goal} in ${opts.env}: ${environment.lastDeployment && goal === "deployed" ? `its last deploy there ${environment.lastDeployment.status.replace("_", " ")}` : `it is ${outcome.request.status.replace("_", " ")}`}.`);
  });
  return outcome.reached ? CLI_EXIT.OK : CLI_EXIT.REFUSED;
}

function printState(request: RequestState) {
  console.log(`#${request.number} ${request.title} — ${request.status.replace("_", " ")}`);
  console.log(request.url);
  for (const e of request.environments) {
    const state = e.deployed ? "deployed" : e.approved ? "approved" : "not approved";
    const last = e.lastDeployment ? `, last deploy ${e.lastDeployment.status.replace("_", " ")}` : "";
    console.log(`  ${e.name.padEnd(12)} ${state}${last}${e.missing.length && !e.deployed ? ` — ${e.missing.join("; ")}` : ""}`);
  }
}
