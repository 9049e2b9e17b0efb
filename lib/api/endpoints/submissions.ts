import { defineEndpoint } from "../endpoint";
import { ZSubmission, ZSubmissionResult } from "@/lib/schemas/submission";

// POST /api/v1/requests: a pipeline uploads its migrations folder (lib/server/submissions.ts).
export const SUBMISSIONS_ENDPOINTS = {
  submit: defineEndpoint({
    method: "post",
    path: "/requests",
    tag: "requests",
    summary: "Submit a migrations folder from CI: opens or updates the open request of its branch",
    description:
      "Send every migration of the folder (`<name>/migration.sql` with optional `down.sql`, `verify.sql`). " +
      "Sluice keeps the upload as a snapshot, reads `_prisma_migrations` of the project's first environment and puts the migrations " +
      "not applied there into the open request of `branch` (updated: 200) or a new one (201). Changed SQL or lint findings withdraw " +
      "standing approvals. Nothing pending: 200 with `request: null`. A migration applied there with another checksum: 400. " +
      "The first environment unreachable: 502. Limits: 5 MB a file, 50 MB in all, 5,000 migrations.",
    body: ZSubmission,
    response: ZSubmissionResult,
    status: 201,
    maxBodyBytes: 60 * 1024 * 1024,
  }),
} as const;
