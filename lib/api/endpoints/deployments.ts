import { z } from "zod";
import { defineEndpoint, ZPathId } from "../endpoint";
import { apiText, ZEnvironmentName, ZIsoTime, ZProjectSlug, ZTimestamp } from "../fields";
import { DeploymentStatus, DeploymentStepKind, DeploymentStepStatus } from "@/lib/generated/prisma/enums";

const ZDeploymentStatus = z.enum(DeploymentStatus);

const ZDeploymentProgress = z.object({
  id: z.string(),
  status: ZDeploymentStatus,
  active: z.boolean().describe("Queued or running"),
  environment: z.string(),
  request: z.object({ number: z.number().int(), title: z.string() }),
  startedBy: z.string(),
  createdAt: ZTimestamp,
  runAt: ZTimestamp.nullable().describe("A scheduled deploy's time"),
  startedAt: ZTimestamp.nullable(),
  finishedAt: ZTimestamp.nullable(),
  elapsedMs: z.number().nullable(),
  heartbeatAt: ZTimestamp.nullable(),
  currentMigration: z.string().nullable(),
  currentStatement: z.object({ query: z.string(), state: z.string().nullable(), waitingOn: z.string().nullable(), runningMs: z.number().nullable() }).nullable(),
  stopRequestedAt: ZTimestamp.nullable(),
  mayStop: z.boolean(),
  breakGlassReason: z.string().nullable(),
  applied: z.array(z.string()),
  rolledBack: z.array(z.string()),
  notRun: z.array(z.string()),
  error: z.string().nullable(),
  steps: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(DeploymentStepKind),
      name: z.string(),
      migration: z.string().nullable(),
      status: z.enum(DeploymentStepStatus),
      startedAt: ZTimestamp,
      durationMs: z.number().nullable(),
      detail: z.string().nullable(),
    }),
  ),
  log: z.array(z.string()).describe("The last 500 lines of the statement-level log"),
  logTruncated: z.boolean(),
});

export const DEPLOYMENTS_ENDPOINTS = {
  list: defineEndpoint({
    method: "get",
    path: "/deployments",
    tag: "deployments",
    summary: "List deployments",
    description: "Deployments of the projects you may read, newest first, 50 a page.",
    query: z.object({
      project: ZProjectSlug.optional(),
      environment: apiText(100).min(1, "must not be empty").optional().describe("An environment's name (or id)"),
      status: z.enum(DeploymentStatus, { error: `must be one of ${Object.values(DeploymentStatus).join(", ")}` }).optional(),
      page: z.coerce.number({ error: "must be a page number" }).int("must be a page number").min(1, "must be at least 1").max(1_000_000, "must be at most 1000000").default(1),
    }),
    response: z.object({
      deployments: z.array(
        z.object({
          id: z.string(),
          status: ZDeploymentStatus,
          project: z.string().describe("The project's name"),
          environment: z.string(),
          request: z.object({ id: z.string(), number: z.number().int(), title: z.string() }),
          startedBy: z.string().describe("The email of who started it"),
          createdAt: ZTimestamp,
          startedAt: ZTimestamp.nullable(),
          finishedAt: ZTimestamp.nullable(),
          error: z.string().nullable(),
          url: z.string().describe("The deployment's page"),
        }),
      ),
      page: z.number().int(),
      pageCount: z.number().int(),
      total: z.number().int(),
    }),
  }),
  start: defineEndpoint({
    method: "post",
    path: "/deployments",
    tag: "deployments",
    summary: "Deploy a request to an environment",
    description:
      "Queues the deploy (or schedules it with `runAt`) after checking your role, the environment's policy (422 with the reasons when it refuses) and the target's state. Follow it with GET /deployments/{id}. An admin may deploy past the policy with a written `breakGlassReason`; it is flagged and audited.",
    status: 201,
    body: z.strictObject({
      request: z.number({ error: "must be a request number such as 42" }).int("must be a request number").positive("must be a request number").max(999_999_999, "must be a request number").describe("The request's number"),
      environment: ZEnvironmentName,
      runAt: ZIsoTime.optional().describe("Not before this time (a scheduled deploy)"),
      breakGlassReason: apiText(2_000).trim().min(10, "explain the break-glass in at least 10 characters").optional().describe("Admins only: deploy past the policy, with this reason on record"),
    }),
    response: z.object({
      deployment: z.object({ id: z.string(), status: ZDeploymentStatus, environment: z.string(), runAt: ZTimestamp.nullable(), url: z.string().describe("The deployment's page") }),
    }),
  }),
  get: defineEndpoint({
    method: "get",
    path: "/deployments/{id}",
    tag: "deployments",
    summary: "Follow a deployment",
    description: "Status, steps and the tail of the log; poll it while `active` is true.",
    params: z.object({ id: ZPathId }),
    response: ZDeploymentProgress,
  }),
  stop: defineEndpoint({
    method: "post",
    path: "/deployments/{id}/stop",
    tag: "deployments",
    summary: "Stop a deployment",
    description: "A queued (or scheduled) deploy is cancelled at once; a running one stops at the next safe point and rolls back what it applied (status `stopping` until it has). 409 once it has finished.",
    params: z.object({ id: ZPathId }),
    response: z.object({ deployment: z.object({ id: z.string(), status: z.enum(["cancelled", "stopping"]) }) }),
  }),
  options: defineEndpoint({
    method: "get",
    path: "/deployments/options",
    tag: "deployments",
    summary: "What you may deploy a request to",
    description: "Per environment of the request's project: whether you may schedule a deploy there, whether an admin's break-glass is possible, the policy's reasons, and the environment's time zone.",
    query: z.object({ requestId: ZPathId.describe("The request's id (not its number)") }),
    response: z.object({
      environments: z.array(
        z.object({ environmentId: z.string(), name: z.string(), timeZone: z.string(), maySchedule: z.boolean(), mayBreakGlass: z.boolean(), reasons: z.array(z.string()) }),
      ),
    }),
  }),
} as const;
