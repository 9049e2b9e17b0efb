import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/roles";
import type { TokenScope } from "@/lib/auth/token-scopes";
import type { Role } from "@/lib/generated/prisma/enums";
import { createApiToken } from "../tokens";
import { createAccount } from "./create-account";
import { inviteMember } from "./invite-member";

export type AddPersonInput = {
  projectSlug: string;
  email: string;
  name: string;
  role: Role;
  /** Approver scope by environment name; empty = every environment. */
  environmentNames?: string[];
  /** Set: an active account with this password. */
  password?: string;
  /** Set: also an API token for the new account, limited to the project (without a password: a service account). */
  tokenScopes?: TokenScope[];
};

/**
 * POST /users (and `sluice user add`): people as the API names them — a project slug and
 * environment names — turned into one of three outcomes: an invitation (no password, no
 * token), an account with a password, or a service account with an API token.
 */
export async function addPerson(actor: CurrentUser, input: AddPersonInput) {
  const project = await db().project.findUnique({ where: { slug: input.projectSlug }, select: { id: true, slug: true, environments: { where: { removedAt: null }, select: { id: true, name: true } } } });
  if (!project) throw new AppError("NOT_FOUND", `No project with the slug ${input.projectSlug}.`);
  const names = [...new Set(input.environmentNames ?? [])];
  const unknown = names.filter((name) => !project.environments.some((e) => e.name === name));
  if (unknown.length) throw new AppError("BAD_INPUT", `environments: ${project.slug} has no environment named ${unknown.join(", ")}.`);
  const environmentIds = project.environments.filter((e) => names.includes(e.name)).map((e) => e.id);
  const person = { projectId: project.id, email: input.email, name: input.name, role: input.role, environmentIds };

  if (input.password === undefined && !input.tokenScopes?.length) {
    const outcome = await inviteMember(actor, person);
    if (outcome.kind === "invited") return { user: null, invitation: { url: outcome.url, expiresAt: outcome.expiresAt }, token: null };
    const user = await db().user.findUniqueOrThrow({ where: { id: outcome.userId }, select: { id: true, email: true, name: true, kind: true } });
    return { user, invitation: null, token: null };
  }

  // A token made through a token may not outlive it: settle the expiry before the account exists.
  const maker = actor.token ? await db().apiToken.findUnique({ where: { id: actor.token.id }, select: { expiresAt: true } }) : null;
  const user = await createAccount(actor, { ...person, password: input.password ?? null });
  if (!input.tokenScopes?.length) return { user, invitation: null, token: null };
  const token = await createApiToken(actor, { userId: user.id, name: `${user.name.slice(0, 60)} (${project.slug.slice(0, 30)})`, scopes: input.tokenScopes, projectIds: [project.id], expiresAt: maker?.expiresAt ?? null });
  return { user, invitation: null, token: { id: token.id, secret: token.secret, prefix: token.prefix, scopes: token.scopes } };
}
