import { z } from "zod";
import { defineEndpoint, ZPathId } from "../endpoint";
import { apiText, ZEnvironmentName, ZProjectSlug, ZTimestamp } from "../fields";
import { ZTokenScope } from "@/lib/auth/token-scopes";
import { ZRole } from "@/lib/schemas/people";

const ZUserKind = z.enum(["person", "service"]).describe("person: signs in with a password; service: a bot or pipeline that uses API tokens only");

export const ZApiUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  kind: ZUserKind,
  active: z.boolean().describe("false once deactivated: no sign-in, no API token, past decisions no longer count"),
  siteAdmin: z.boolean(),
  memberships: z.array(
    z.object({
      project: z.string().describe("The project's slug"),
      role: ZRole,
      environments: z.array(z.string()).describe("Approver scope: the environments this member approves for; empty = all"),
    }),
  ),
});

export const USERS_ENDPOINTS = {
  list: defineEndpoint({
    method: "get",
    path: "/users",
    tag: "users",
    summary: "List people",
    description: "A site admin sees every account; a project admin sees the members of the projects they administer (with only those memberships). Needs the admin scope.",
    response: z.object({ users: z.array(ZApiUser) }),
  }),
  create: defineEndpoint({
    method: "post",
    path: "/users",
    tag: "users",
    summary: "Add someone to a project",
    description: [
      "Three outcomes, by what you send:",
      "- neither `password` nor `tokenScopes`: an invitation link (single use, 7 days) to pass on — or, for an email that already has an account, that account is added to the project at once;",
      "- `password`: an active account with that password;",
      "- `tokenScopes` without `password`: a service account (no password) and an API token for it, limited to the project, shown once.",
      "Needs the admin scope and the admin role in the project (or a site admin).",
    ].join("\n"),
    status: 201,
    body: z.strictObject({
      email: apiText(254).describe("Their email: their sign-in name"),
      name: apiText(100).describe("Their name as others see it"),
      project: ZProjectSlug,
      role: ZRole,
      environments: z.array(ZEnvironmentName).max(50, "must list 50 environments or fewer").optional().describe("Approver scope (approver role only): environment names; omitted = every environment"),
      password: z.string().max(200, "must be 200 characters or fewer").optional().describe("At least 12 characters; makes an active account"),
      tokenScopes: z.array(ZTokenScope).min(1, "pick at least one scope").max(5).optional().describe("Also create an API token for the account with these scopes (read, submit, approve, deploy, admin)"),
    }),
    response: z.object({
      user: z.object({ id: z.string(), email: z.string(), name: z.string(), kind: ZUserKind }).nullable(),
      invitation: z.object({ url: z.string().describe("The link to send them; shown this once"), expiresAt: ZTimestamp }).nullable(),
      token: z.object({ id: z.string(), secret: z.string().describe("slu_…: shown this once"), prefix: z.string(), scopes: z.array(ZTokenScope) }).nullable(),
    }),
  }),
  update: defineEndpoint({
    method: "patch",
    path: "/users/{id}",
    tag: "users",
    summary: "Deactivate, reactivate, or require a new password",
    description: "`active` is for site admins (never on your own account). `mustChangePassword: true` makes the person choose a new password at their next sign-in.",
    params: z.object({ id: ZPathId }),
    body: z
      .strictObject({
        active: z.boolean().optional(),
        mustChangePassword: z.boolean().optional(),
      })
      .refine((b) => b.active !== undefined || b.mustChangePassword !== undefined, "send active, mustChangePassword, or both"),
    response: z.object({
      user: z.object({ id: z.string(), email: z.string(), name: z.string(), kind: ZUserKind, active: z.boolean(), siteAdmin: z.boolean(), mustChangePassword: z.boolean() }),
    }),
  }),
} as const;
