import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { apiText, ZProjectSlug, ZTimestamp } from "../fields";
import { Role } from "@/lib/generated/prisma/enums";
import { SOURCE_KINDS } from "@/lib/schemas/project";

// /api/v1 endpoints for projects: each route file under app/api/v1 uses one of these with apiRoute().
// Bodies are checked here for shape; the domain functions (lib/server/projects) check the slug,
// the repository URL, branch and folder, and answer 400 naming the field with nothing stored.

export const ZApiProject = z.object({
  slug: z.string(),
  name: z.string(),
  tenantKey: z.string().describe("The tenant column the linter expects first in indexes, e.g. organizationId"),
  sourceKind: z.enum(SOURCE_KINDS).describe("git: a mirrored repository; folder: a folder on the server; upload: migrations sent by CI"),
  folderPath: z.string().nullable().describe("Folder source: the migrations folder on the server"),
  gitUrl: z.string().nullable().describe("Git source: the repository's address (credentials never shown)"),
  gitBranch: z.string().nullable(),
  gitPath: z.string().nullable().describe("Git source: the migrations folder inside the repository"),
  accessTokenSet: z.boolean().describe("An access token is stored (encrypted; never shown back)"),
  webhookSecretSet: z.boolean().describe("A webhook secret is stored: unsigned refresh calls without a token are refused"),
  refreshIntervalMinutes: z.number().int().nullable().describe("Fetched on a schedule every this many minutes; null = on demand and by webhook only"),
  refreshUrl: z.string().describe("POST here to fetch (the push webhook's payload URL)"),
  headCommit: z.string().nullable().describe("The branch head as of the last good fetch"),
  headSubject: z.string().nullable(),
  headCommittedAt: ZTimestamp.nullable(),
  lastFetchedAt: ZTimestamp.nullable().describe("When the last fetch ran (good or not)"),
  lastFetchError: z.string().nullable().describe("Why the last fetch failed; null after a good one"),
  snapshot: z
    .object({ origin: z.string(), commit: z.string().nullable(), branch: z.string().nullable(), createdAt: ZTimestamp })
    .nullable()
    .describe("What new requests are made from: the fetched head, or the latest upload"),
  role: z.enum(Role).nullable().describe("Your role in the project; null for a site admin who is not a member"),
  environments: z.array(z.object({ name: z.string(), position: z.number().int() })),
});

const ZFetchOutcome = z
  .object({ ok: z.boolean(), headCommit: z.string().optional(), error: z.string().optional() })
  .describe("The first fetch of a git repository (the project exists either way)");

const URL_FIELD = apiText(2000).describe("https://github.com/acme/app.git, file:///srv/repos/app.git or /srv/repos/app.git (the last two: site admins only)");
const BRANCH_FIELD = apiText(200).describe("Branch to follow (default main)");
const FOLDER_FIELD = apiText(1000).describe("Git: the migrations folder inside the repository (default prisma/migrations). Folder source: the folder on the server");
const TOKEN_FIELD = apiText(1000).describe("Access token for an https repository, sent as an HTTP header and stored encrypted");
const INTERVAL_FIELD = z.number({ error: "must be a number of minutes" }).int("must be a whole number of minutes").describe("Fetch every this many minutes (1–1440)");
const WEBHOOK_SECRET_FIELD = apiText(200).describe("The push webhook's secret (16+ characters): signed calls need no token");

const ZApiSource = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("git"),
      url: URL_FIELD,
      branch: BRANCH_FIELD.optional(),
      path: FOLDER_FIELD.optional(),
      accessToken: TOKEN_FIELD.nullish(),
      refreshIntervalMinutes: INTERVAL_FIELD.nullish(),
      webhookSecret: WEBHOOK_SECRET_FIELD.nullish(),
    }),
    z.strictObject({ kind: z.literal("folder"), path: FOLDER_FIELD }),
    z.strictObject({ kind: z.literal("upload") }),
  ],
  { error: "kind: must be git, folder or upload" },
);

const ZPathParams = z.object({ slug: ZProjectSlug });

export const PROJECTS_ENDPOINTS = {
  list: defineEndpoint({
    method: "get",
    path: "/projects",
    tag: "projects",
    summary: "List projects",
    description: "The projects you are a member of (a site admin: every project), with where their migrations come from and how fresh that is.",
    response: z.object({ projects: z.array(ZApiProject) }),
  }),
  create: defineEndpoint({
    method: "post",
    path: "/projects",
    tag: "projects",
    summary: "Create a project",
    description:
      "Site admins only (a token needs the admin scope). You become the project's admin. A git project is fetched at once; when that fails the project is still created and `fetch.error` says why.",
    status: 201,
    body: z.strictObject({
      slug: apiText(100).describe("2–49 lowercase letters, digits or dashes, e.g. billing-api"),
      name: apiText(200),
      tenantKey: apiText(100).optional(),
      source: ZApiSource,
    }),
    response: z.object({ project: ZApiProject, fetch: ZFetchOutcome.nullable() }),
  }),
  get: defineEndpoint({
    method: "get",
    path: "/projects/{slug}",
    tag: "projects",
    summary: "Get a project",
    params: ZPathParams,
    response: z.object({ project: ZApiProject }),
  }),
  update: defineEndpoint({
    method: "patch",
    path: "/projects/{slug}",
    tag: "projects",
    summary: "Change a project",
    description:
      "Project admins and site admins. Any of the fields; `path` is the folder inside the repository (git) or on the server (folder); `kind` switches the source. accessToken and webhookSecret: a string sets, null removes, absent keeps. Changing the repository, branch, folder or token fetches again (`fetch`).",
    params: ZPathParams,
    body: z.strictObject({
      name: apiText(200).optional(),
      tenantKey: apiText(100).optional(),
      kind: z.enum(SOURCE_KINDS, { error: "must be git, folder or upload" }).optional(),
      url: URL_FIELD.optional(),
      branch: BRANCH_FIELD.optional(),
      path: FOLDER_FIELD.optional(),
      accessToken: TOKEN_FIELD.nullable().optional(),
      refreshIntervalMinutes: INTERVAL_FIELD.nullable().optional(),
      webhookSecret: WEBHOOK_SECRET_FIELD.nullable().optional(),
    }),
    response: z.object({ project: ZApiProject, fetch: ZFetchOutcome.nullable() }),
  }),
  refresh: defineEndpoint({
    method: "post",
    path: "/projects/{slug}/refresh",
    tag: "projects",
    summary: "Fetch a git project's repository (push webhook)",
    description:
      "With a bearer token: any member may ask. Without one (a push webhook): the raw body must be signed with the project's webhook secret — `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>` (GitHub, Gitea) or `X-Sluice-Signature`, or GitLab's `X-Gitlab-Token: <secret>`; anything else is 401. A failed fetch answers 502 (the remote) or 409 (branch or folder missing) and is recorded on the project.",
    auth: "webhook",
    params: ZPathParams,
    maxBodyBytes: 25 * 1024 * 1024,
    response: z.object({
      project: ZApiProject,
      changed: z.boolean().describe("The branch head or the migrations folder moved"),
      previousCommit: z.string().nullable(),
      headCommit: z.string().nullable(),
    }),
  }),
} as const;
