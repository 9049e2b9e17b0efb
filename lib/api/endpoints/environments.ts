import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { apiMultilineText, apiText, ZEnvironmentName, ZProjectSlug } from "../fields";
import { SSL_MODES } from "@/lib/engine/url";

// /api/v1 endpoints for environments: each route file under app/api/v1 uses one of these with apiRoute().
// Bodies are checked here for shape; the domain functions (lib/server/environments) check the
// URL, the certificate and the name, and answer 400 naming the field.

export const ZApiEnvironment = z.object({
  name: z.string(),
  position: z.number().int().describe("Place in the promotion chain: 0 is the first (dev)"),
  url: z.string().nullable().describe("The connection URL with its password shown as •••; null when this server's key cannot decrypt it"),
  schema: z.string().describe("Prisma's ?schema= (public when absent)"),
  sslmode: z.enum(SSL_MODES).nullable().describe("As written in the URL; null = no TLS"),
  hasCaCert: z.boolean().describe("A CA certificate is stored for verify-ca / verify-full"),
  timeZone: z.string().describe("IANA time zone of the environment's freeze windows"),
});

const ZPathParams = z.object({ slug: ZProjectSlug });
const ZEnvironmentParams = z.object({ slug: ZProjectSlug, name: ZEnvironmentName });

const URL_FIELD = apiText(4000).describe("postgresql://user:password@host:5432/database?schema=public&sslmode=verify-full — stored encrypted, never shown back in full");
const CA_FIELD = apiMultilineText(64 * 1024).describe("PEM CA certificate(s) that signed the server's certificate, for sslmode=verify-full / verify-ca");
const TIME_ZONE_FIELD = apiText(64).describe("IANA time zone, e.g. Europe/Paris (default UTC)");
const NAME_FIELD = apiText(40).describe("1–40 lowercase letters, digits, _ or -, e.g. staging");

export const ZConnectionReport = z.object({
  ok: z.literal(true),
  serverVersion: z.string(),
  role: z.string().describe("The role Sluice connects as"),
  superuser: z.boolean(),
  schema: z.string(),
  schemaExists: z.boolean(),
  canCreate: z.boolean().describe("The role may CREATE in the schema (or create the schema when it does not exist yet)"),
  canCreateDatabase: z.boolean().describe("The role may create databases: prod deploys are rehearsed on a throwaway database first"),
  historyTable: z.object({ exists: z.boolean(), rows: z.number().int().nullable(), failed: z.number().int().nullable() }).describe("_prisma_migrations in the schema"),
  encrypted: z.boolean().describe("The session is TLS-encrypted"),
  warnings: z.array(z.string()),
});

export const ENVIRONMENTS_ENDPOINTS = {
  list: defineEndpoint({
    method: "get",
    path: "/projects/{slug}/environments",
    tag: "environments",
    summary: "List a project's environments",
    description: "The promotion chain in order, connection URLs redacted. Any member of the project may read it.",
    params: ZPathParams,
    response: z.object({ environments: z.array(ZApiEnvironment) }),
  }),
  create: defineEndpoint({
    method: "post",
    path: "/projects/{slug}/environments",
    tag: "environments",
    summary: "Add an environment",
    description:
      "Admins only. Adds the environment at the end of the chain with the standard deny-by-default policy. The URL is checked (scheme, host, user, database, ?schema=, sslmode and every other parameter) and stored encrypted.",
    status: 201,
    params: ZPathParams,
    body: z.strictObject({ name: NAME_FIELD, url: URL_FIELD, caCert: CA_FIELD.optional(), timeZone: TIME_ZONE_FIELD.optional() }),
    response: z.object({ environment: ZApiEnvironment }),
  }),
  reorder: defineEndpoint({
    method: "put",
    path: "/projects/{slug}/environments/order",
    tag: "environments",
    summary: "Reorder the promotion chain",
    description: "Admins only. Lists every environment of the project once, first to last.",
    params: ZPathParams,
    body: z.strictObject({ names: z.array(NAME_FIELD).min(1, "list every environment of the project, in the new order").max(100, "must list 100 environments or fewer") }),
    response: z.object({ environments: z.array(ZApiEnvironment) }),
  }),
  update: defineEndpoint({
    method: "patch",
    path: "/projects/{slug}/environments/{name}",
    tag: "environments",
    summary: "Change an environment",
    description: "Admins only. Any of: a new name, a new URL (omitted or empty keeps the stored one), a CA certificate (null removes it), a time zone.",
    params: ZEnvironmentParams,
    body: z.strictObject({ name: NAME_FIELD.optional(), url: URL_FIELD.optional(), caCert: CA_FIELD.nullable().optional(), timeZone: TIME_ZONE_FIELD.optional() }),
    response: z.object({ environment: ZApiEnvironment }),
  }),
  remove: defineEndpoint({
    method: "delete",
    path: "/projects/{slug}/environments/{name}",
    tag: "environments",
    summary: "Remove an environment",
    description:
      "Admins only. 409 while a deploy there is queued or running. An environment with deployments, approvals or a place in an approver scope leaves the chain but keeps its history (archived: true); one without is deleted.",
    params: ZEnvironmentParams,
    response: z.object({ removed: z.literal(true), archived: z.boolean() }),
  }),
  test: defineEndpoint({
    method: "post",
    path: "/projects/{slug}/environments/{name}/test",
    tag: "environments",
    summary: "Test an environment's connection",
    description:
      "Admins only. Connects (5 s timeouts) and reports the server version, the role and whether it is a superuser, CREATE in the schema and _prisma_migrations. 502 TARGET_FAILED with the database's own message when it cannot connect.",
    params: ZEnvironmentParams,
    response: ZConnectionReport,
  }),
} as const;
