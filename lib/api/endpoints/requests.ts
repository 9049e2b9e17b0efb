import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { apiText, MAX_PAGE_LIMIT, pageLimit, ZProjectSlug, ZRequestNumberParam, ZTimestamp } from "../fields";
import { ApprovalDecision, DeploymentStatus, RequestStatus, RiskLevel } from "@/lib/generated/prisma/enums";

export const ZRequestStatus = z.enum(RequestStatus);
export const ZRiskLevel = z.enum(RiskLevel);

const statusesIn = (value: string) => value.split(",").map((s) => s.trim()).filter(Boolean);

const ZStatusList = z
  .string()
  .refine((value) => statusesIn(value).every((s) => (Object.values(RequestStatus) as string[]).includes(s)), {
    message: `must be one or more of ${Object.values(RequestStatus).join(", ")}, comma-separated`,
  })
  .transform((value) => statusesIn(value) as RequestStatus[])
  .describe(`One or more statuses, comma-separated: ${Object.values(RequestStatus).join(", ")}`);

const ZRequestSummary = z.object({
  number: z.number().int(),
  title: z.string(),
  status: ZRequestStatus,
  riskLevel: ZRiskLevel.nullable(),
  project: z.string().describe("The project's slug"),
  branch: z.string().nullable().describe("The branch a pipeline submitted it from"),
  sourceCommit: z.string().nullable(),
  createdAt: ZTimestamp,
  url: z.string().describe("The request's page"),
});

export const REQUESTS_ENDPOINTS = {
  list: defineEndpoint({
    method: "get",
    path: "/requests",
    tag: "requests",
    summary: "List migration requests",
    description: "Requests of the projects you may read, newest first. Page with `cursor`: pass the `nextCursor` of the previous answer until it is null.",
    query: z.object({
      project: ZProjectSlug.optional(),
      status: ZStatusList.optional(),
      branch: apiText(200).optional().describe("Only requests submitted from this branch"),
      limit: pageLimit(MAX_PAGE_LIMIT, 50),
      cursor: z.coerce.number({ error: "must be a request number" }).int("must be a request number").positive("must be a request number").optional().describe("The `nextCursor` of the previous page"),
    }),
    response: z.object({ requests: z.array(ZRequestSummary), nextCursor: z.number().int().nullable().describe("Pass as `cursor` for the next page; null on the last page") }),
  }),
  get: defineEndpoint({
    method: "get",
    path: "/requests/{number}",
    tag: "requests",
    summary: "Get a request and where it stands per environment",
    description:
      "Per environment: `approved` (the policy's approvals are satisfied there), `deployed` (a deploy there succeeded), `missing` (what still stands between the request and a deploy, in words) and the last deployment. Reads stored state only: cheap to poll from a pipeline.",
    params: z.object({ number: ZRequestNumberParam }),
    response: z.object({
      request: ZRequestSummary.omit({ createdAt: true }).extend({
        createdAt: ZTimestamp,
        requester: z.object({ name: z.string(), email: z.string() }),
        migrations: z.array(z.object({ name: z.string(), checksum: z.string().describe("sha256 of migration.sql, as Prisma computes it") })),
        approvals: z.array(
          z.object({
            approver: z.string().describe("The approver's email"),
            decision: z.enum(ApprovalDecision),
            environment: z.string().nullable().describe("The environment it was given for; null = every environment of the approver's scope"),
            comment: z.string(),
            createdAt: ZTimestamp,
            counts: z.boolean().describe("Still counts toward some environment's policy (same SQL and lint report, approver still allowed)"),
          }),
        ),
        environments: z.array(
          z.object({
            name: z.string(),
            approved: z.boolean(),
            deployed: z.boolean(),
            missing: z.array(z.string()),
            lastDeployment: z.object({ id: z.string(), status: z.enum(DeploymentStatus) }).nullable(),
          }),
        ),
      }),
    }),
  }),
} as const;
