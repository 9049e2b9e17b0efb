import { Option, type Command } from "commander";
import { TOKEN_SCOPES } from "../../lib/auth/token-scopes";
import { apiClient, type ApiOptions } from "./api/client";
import { apiCommand, CLI_EXIT, CliFailure, emit, runCommand, usageExitsWithTwo, type OutputOptions } from "./api/exit";
import { secretFromStdin } from "./api/secrets";

const ROLES = ["requester", "approver", "deployer", "manager", "admin"] as const;

type AddOptions = ApiOptions &
  OutputOptions & { email: string; name: string; role: (typeof ROLES)[number]; project: string; environments?: string; tokenScopes?: string; passwordStdin?: boolean };

type AddAnswer = {
  user: { id: string; email: string; name: string; kind: string } | null;
  invitation: { url: string; expiresAt: string } | null;
  token: { id: string; secret: string; prefix: string; scopes: string[] } | null;
};

/**
 * `sluice user add`: a colleague (an invitation link to pass on, or an account whose password
 * comes on stdin) or a pipeline's service account with an API token (a project admin's token).
 */
export function registerUserCommands(program: Command) {
  const user = usageExitsWithTwo(program.command("user").description("Add people and service accounts to a project (through the API)"));
  apiCommand(user.command("add").description("Invite someone (prints the link), create an account (--password-stdin), or a service account with an API token (--token-scopes)"))
    .requiredOption("--email <email>", "their email (the sign-in name)")
    .requiredOption("--name <name>", "their name, or the bot's, e.g. CI pipeline")
    .addOption(new Option("--role <role>", "their role in the project").choices(ROLES).makeOptionMandatory())
    .requiredOption("--project <slug>", "the project")
    .option("--environments <names>", "approver scope: the environments they may approve for, comma-separated (default: all)")
    .option("--token-scopes <scopes>", `also create an API token with these scopes, comma-separated: ${TOKEN_SCOPES.join(", ")}`)
    .option("--password-stdin", "create an active account with the password piped on stdin instead of an invitation")
    .action((opts: AddOptions) => runCommand(opts, () => add(opts)));
}

async function add(opts: AddOptions): Promise<number> {
  const tokenScopes = opts.tokenScopes === undefined ? undefined : list(opts.tokenScopes, "--token-scopes");
  const unknown = tokenScopes?.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s)) ?? [];
  if (unknown.length) throw new CliFailure(CLI_EXIT.USAGE, `--token-scopes: unknown scope ${unknown.join(", ")}; pick from ${TOKEN_SCOPES.join(", ")}.`);
  const environments = opts.environments === undefined ? undefined : list(opts.environments, "--environments");
  const password = opts.passwordStdin ? await secretFromStdin("--password-stdin") : undefined;
  const body = {
    email: opts.email,
    name: opts.name,
    project: opts.project,
    role: opts.role,
    ...(environments ? { environments } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(tokenScopes ? { tokenScopes } : {}),
  };
  const answer = await apiClient(opts).post<AddAnswer>("/users", body);
  emit(opts, answer, () => {
    if (answer.user) console.log(`Added ${answer.user.name} <${answer.user.email}>${answer.user.kind === "service" ? " (service account)" : ""} to ${opts.project} as ${opts.role}.`);
    if (answer.invitation) {
      console.log(`Invitation for ${opts.email} (works once, until ${answer.invitation.expiresAt}); send them this link:`);
      console.log(answer.invitation.url);
    }
    if (answer.token) {
      console.log(`API token with scopes ${answer.token.scopes.join(", ")} (shown once: store it as a CI secret now):`);
      console.log(answer.token.secret);
    }
  });
  return CLI_EXIT.OK;
}

function list(value: string, flag: string): string[] {
  const items = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (!items.length) throw new CliFailure(CLI_EXIT.USAGE, `${flag} needs at least one name, comma-separated.`);
  return [...new Set(items)];
}
