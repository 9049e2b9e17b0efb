import { z } from "zod";
import { defineEndpoint, ZPathId } from "../endpoint";
import { apiText, ZIsoTime, ZProjectSlug, ZTimestamp } from "../fields";
import { ZTokenScope } from "@/lib/auth/token-scopes";
import { TOKEN_STATES } from "@/lib/auth/token-state";

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The token's first characters (slu_…), to recognise it in logs"),
  kind: z.enum(["personal", "service"]).describe("personal: made by its owner; service: made by an admin for someone else (a CI bot)"),
  owner: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  scopes: z.array(ZTokenScope),
  projects: z.array(z.string()).describe("Slugs of the projects the token is limited to; empty = every project of its owner"),
  state: z.enum(TOKEN_STATES),
  expiresAt: ZTimestamp.nullable(),
  lastUsedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  revokedAt: ZTimestamp.nullable(),
});

export const TOKENS_ENDPOINTS = {
  list: defineEndpoint({
    method: "get",
    path: "/tokens",
    tag: "tokens",
    summary: "List your API tokens",
    description: "The caller's own tokens, active, expired and revoked, newest first. Secrets are never shown again after creation.",
    response: z.object({ tokens: z.array(ZApiToken) }),
  }),
  create: defineEndpoint({
    method: "post",
    path: "/tokens",
    tag: "tokens",
    summary: "Create an API token",
    description:
      "Returns the secret once; only its sha256 is stored. For yourself, or (admin scope, admin of every project it reaches) for another member such as a CI bot's service account. A token can only make tokens within its own scopes, projects and expiry.",
    status: 201,
    body: z.strictObject({
      name: apiText(100).trim().min(1, "give the token a name").describe("What the token is for, e.g. \"GitHub Actions deploy\""),
      scopes: z.array(ZTokenScope).min(1, "pick at least one scope").max(5).describe("read, submit, approve, deploy, admin"),
      projects: z.array(ZProjectSlug).min(1, "list at least one project, or leave projects out for all of them").max(200, "must list 200 projects or fewer").optional().describe("Limit the token to these projects; omitted = every project of its owner"),
      expiresAt: ZIsoTime.optional().describe("When the token stops working; omitted = never"),
      userId: ZPathId.optional().describe("Whose token (an admin making one for a member); omitted = your own"),
    }),
    response: z.object({ token: ZApiToken.extend({ secret: z.string().describe("slu_…: shown this once, store it now") }) }),
  }),
  revoke: defineEndpoint({
    method: "delete",
    path: "/tokens/{id}",
    tag: "tokens",
    summary: "Revoke an API token",
    description: "Stops the token at once. Its owner may, a site admin may, and so may an admin of every project the token reaches. Revoking twice is harmless.",
    params: z.object({ id: ZPathId }),
    response: z.object({ token: z.object({ id: z.string(), revokedAt: ZTimestamp }) }),
  }),
} as const;
