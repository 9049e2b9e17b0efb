import type { Command } from "commander";
import { apiClient, segment, type ApiOptions } from "./api/client";
import { apiCommand, CLI_EXIT, CliFailure, emit, runCommand, usageExitsWithTwo, type OutputOptions } from "./api/exit";
import { secretFromEnv, textOfFile } from "./api/secrets";

type AddOptions = ApiOptions & OutputOptions & { project: string; name: string; url?: string; urlEnv?: string; caFile?: string; timeZone?: string };

/** An environment as the API shows it: the URL comes back with its password redacted. */
type EnvironmentView = { name: string; position: number; url: string; schema: string; sslmode: string | null; hasCaCert: boolean; timeZone: string };

/** `sluice env add`: a target database at the end of a project's promotion chain (a project admin's token). */
export function registerEnvCommands(program: Command) {
  const env = usageExitsWithTwo(program.command("env").description("Add a project's target databases (through the API)"));
  apiCommand(env.command("add").description("Add an environment (a target database) at the end of the project's chain, with the standard deny-by-default policy"))
    .requiredOption("--project <slug>", "the project")
    .requiredOption("--name <name>", "the environment's name, e.g. dev, staging, prod")
    .option("--url <url>", "the database URL, Prisma style (postgresql://user:password@host:5432/db?schema=public&sslmode=verify-full)")
    .option("--url-env <VAR>", "read the database URL from this environment variable instead (keeps the password out of the process list)")
    .option("--ca-file <file>", "PEM CA certificate for sslmode=verify-ca / verify-full")
    .option("--time-zone <zone>", "IANA time zone its freeze windows are written in, e.g. Europe/Paris (default UTC)")
    .action((opts: AddOptions) =>
      runCommand(opts, async () => {
        if ((opts.url === undefined) === (opts.urlEnv === undefined)) throw new CliFailure(CLI_EXIT.USAGE, "Give the database as exactly one of --url URL or --url-env VAR.");
        const url = opts.url ?? secretFromEnv(opts.urlEnv!, "--url-env");
        const caCert = opts.caFile ? await textOfFile(opts.caFile, "--ca-file") : undefined;
        const body = { name: opts.name, url, ...(caCert ? { caCert } : {}), ...(opts.timeZone ? { timeZone: opts.timeZone } : {}) };
        const { environment } = await apiClient(opts).post<{ environment: EnvironmentView }>(`/projects/${segment(opts.project)}/environments`, body);
        emit(opts, { environment }, () =>
          console.log(`Added ${environment.name} (position ${environment.position}) to ${opts.project}: ${environment.url}${environment.hasCaCert ? ", CA certificate set" : ""}.`),
        );
        return CLI_EXIT.OK;
      }),
    );
}
