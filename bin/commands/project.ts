import type { Command } from "commander";
import { apiClient, segment, type ApiOptions } from "./api/client";
import { apiCommand, CLI_EXIT, CliFailure, emit, runCommand, usageExitsWithTwo, type OutputOptions } from "./api/exit";
import { secretFromEnv } from "./api/secrets";

type Options = ApiOptions & OutputOptions;

/** A project as the API shows it (GET /projects/{slug}), as far as the CLI reads it. */
type ProjectView = {
  slug: string;
  name: string;
  sourceKind: string;
  gitUrl: string | null;
  gitBranch: string | null;
  gitPath: string | null;
  headCommit: string | null;
  headSubject: string | null;
  lastFetchError: string | null;
};

type AddOptions = Options & {
  slug: string;
  name: string;
  tenantKey?: string;
  git?: string;
  branch?: string;
  path?: string;
  accessTokenEnv?: string;
  webhookSecretEnv?: string;
  refreshInterval?: string;
  dir?: string;
  upload?: boolean;
};

/** `sluice project add | refresh`: projects and their source of migrations (a site admin's token). */
export function registerProjectCommands(program: Command) {
  const project = usageExitsWithTwo(program.command("project").description("Add a project and fetch its migrations (through the API)"));

  apiCommand(project.command("add").description("Add a project whose migrations come from a git repository, a folder on the server, or CI uploads"))
    .requiredOption("--slug <slug>", "short name used in URLs and commands, e.g. billing-api")
    .requiredOption("--name <name>", "name people see")
    .option("--tenant-key <column>", "the tenant column the multi-tenant lint rules expect (default organizationId)")
    .option("--git <url>", "git source: https:// URL, file:// URL or a path on the server")
    .option("--branch <name>", "git: the branch to follow", "main")
    .option("--path <folder>", "git: the migrations folder inside the repository", "prisma/migrations")
    .option("--access-token-env <VAR>", "git over https: read the access token from this environment variable")
    .option("--webhook-secret-env <VAR>", "git: read the push webhook's HMAC secret from this environment variable")
    .option("--refresh-interval <minutes>", "git: also fetch every this many minutes")
    .option("--dir <path>", "folder source: the migrations folder on the Sluice server")
    .option("--upload", "upload source: migrations arrive from CI (sluice request submit)")
    .action((opts: AddOptions) => runCommand(opts, () => add(opts)));

  apiCommand(project.command("refresh").description("Fetch a git project's branch now and show its head"))
    .argument("<slug>", "the project")
    .action((slug: string, opts: Options) =>
      runCommand(opts, async () => {
        const answer = await apiClient(opts).post<{ project: ProjectView; changed: boolean; previousCommit: string | null; headCommit: string | null }>(`/projects/${segment(slug)}/refresh`);
        emit(opts, answer, () => {
          const head = `${short(answer.headCommit)}${answer.project.headSubject ? ` ${answer.project.headSubject}` : ""}`;
          if (answer.project.lastFetchError) console.error(`Fetch failed: ${answer.project.lastFetchError}`);
          else if (answer.changed) console.log(`${answer.project.gitBranch ?? "branch"} moved ${short(answer.previousCommit)} → ${head}`);
          else console.log(`${answer.project.gitBranch ?? "branch"} unchanged at ${head}`);
        });
        return answer.project.lastFetchError ? CLI_EXIT.REFUSED : CLI_EXIT.OK;
      }),
    );
}

async function add(opts: AddOptions): Promise<number> {
  const kinds = [opts.git !== undefined, opts.dir !== undefined, Boolean(opts.upload)].filter(Boolean).length;
  if (kinds !== 1) throw new CliFailure(CLI_EXIT.USAGE, "Say where the migrations come from: exactly one of --git URL, --dir PATH or --upload.");
  const source = opts.git !== undefined ? gitSource(opts) : opts.dir !== undefined ? { kind: "folder", path: opts.dir } : { kind: "upload" };
  const body = { slug: opts.slug, name: opts.name, ...(opts.tenantKey ? { tenantKey: opts.tenantKey } : {}), source };
  const answer = await apiClient(opts).post<{ project: ProjectView; fetch?: { ok: boolean; headCommit?: string | null; error?: string | null } | null }>("/projects", body);
  const fetchFailed = answer.fetch ? !answer.fetch.ok : false;
  emit(opts, answer, () => {
    const p = answer.project;
    console.log(`Created project ${p.slug} (${p.name}), source: ${describeSource(p)}.`);
    if (answer.fetch?.ok) console.log(`Fetched ${p.gitBranch}: ${short(answer.fetch.headCommit ?? p.headCommit)}${p.headSubject ? ` ${p.headSubject}` : ""}`);
    if (fetchFailed) console.error(`The project exists, but the first fetch failed: ${answer.fetch?.error ?? p.lastFetchError}. Fix the source, then run sluice project refresh ${p.slug}.`);
  });
  return fetchFailed ? CLI_EXIT.REFUSED : CLI_EXIT.OK;
}

function gitSource(opts: AddOptions) {
  const interval = opts.refreshInterval === undefined ? undefined : Number(opts.refreshInterval);
  if (interval !== undefined && (!Number.isInteger(interval) || interval <= 0)) throw new CliFailure(CLI_EXIT.USAGE, `--refresh-interval must be a whole number of minutes, got "${opts.refreshInterval}".`);
  return {
    kind: "git",
    url: opts.git,
    branch: opts.branch,
    path: opts.path,
    ...(opts.accessTokenEnv ? { accessToken: secretFromEnv(opts.accessTokenEnv, "--access-token-env") } : {}),
    ...(opts.webhookSecretEnv ? { webhookSecret: secretFromEnv(opts.webhookSecretEnv, "--webhook-secret-env") } : {}),
    ...(interval !== undefined ? { refreshIntervalMinutes: interval } : {}),
  };
}

function describeSource(p: ProjectView): string {
  if (p.sourceKind === "git") return `git ${p.gitUrl} (${p.gitBranch}, ${p.gitPath})`;
  if (p.sourceKind === "upload") return "uploads from CI";
  return "a folder on the server";
}

function short(commit: string | null | undefined): string {
  return commit ? commit.slice(0, 7) : "(none)";
}
