import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { apiText, MAX_PAGE_LIMIT, pageLimit, ZIsoDay, ZProjectSlug, ZTimestamp } from "../fields";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

export const AUDIT_ENDPOINTS = {
  list: defineEndpoint({
    method: "get",
    path: "/audit",
    tag: "audit",
    summary: "Read the audit log",
    description:
      "Events of the projects whose audit log you may read (and install-wide events about you, or all of them if you manage or administer a project), newest first. Page with `cursor`: pass the `nextCursor` of the previous answer until it is null.",
    query: z.object({
      project: ZProjectSlug.optional(),
      action: z.enum(AUDIT_ACTIONS, { error: "must be an audit action such as request.approved (see the list in the docs)" }).optional(),
      actor: apiText(200).optional().describe("Part of the actor's email"),
      from: ZIsoDay.optional().describe("First day, UTC"),
      to: ZIsoDay.optional().describe("Last day (inclusive), UTC"),
      limit: pageLimit(MAX_PAGE_LIMIT, 50),
      cursor: z.string().regex(/^[1-9][0-9]{0,17}$/, "must be the nextCursor of a previous answer").optional().describe("The `nextCursor` of the previous page"),
    }),
    response: z.object({
      events: z.array(
        z.object({
          id: z.string(),
          createdAt: ZTimestamp,
          actor: z.string().describe("The actor's email (or a system actor such as sluice-linter)"),
          action: z.enum(AUDIT_ACTIONS),
          subjectType: z.string(),
          subjectId: z.string(),
          project: z.string().nullable().describe("The project's slug; null for install-wide events"),
          before: z.unknown(),
          after: z.unknown(),
          metadata: z.unknown().describe("Request metadata; `tokenId` when the actor used an API token"),
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  }),
} as const;
