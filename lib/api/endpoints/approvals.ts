import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { apiMultilineText, ZEnvironmentName, ZRequestNumberParam } from "../fields";
import { ApprovalDecision } from "@/lib/generated/prisma/enums";
import { ZRequestStatus } from "./requests";

export const APPROVALS_ENDPOINTS = {
  decide: defineEndpoint({
    method: "post",
    path: "/requests/{number}/approvals",
    tag: "approvals",
    summary: "Approve, reject or ask for changes",
    description:
      "Records a decision bound to the request's current SQL (checksums) and lint report. `environment` binds it to one environment; omitted = every environment of your approver scope. Rejecting or asking for changes needs a comment. Refused (422) on your own request.",
    status: 201,
    params: z.object({ number: ZRequestNumberParam }),
    body: z.strictObject({
      decision: z.enum(ApprovalDecision, { error: `must be one of ${Object.values(ApprovalDecision).join(", ")}` }),
      comment: apiMultilineText(5_000).optional().describe("Why; required when rejecting or asking for changes"),
      environment: ZEnvironmentName.optional(),
    }),
    response: z.object({
      approval: z.object({ id: z.string(), decision: z.enum(ApprovalDecision), environment: z.string().nullable() }),
      request: z.object({ number: z.number().int(), status: ZRequestStatus }),
    }),
  }),
} as const;
