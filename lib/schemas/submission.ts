import { z } from "zod";

/**
 * A pipeline's upload of a Prisma migrations folder (POST /api/v1/requests, `sluice request
 * submit`). Only the shape is checked here; names, sizes and SQL are checked file by file in
 * lib/server/submissions.ts so each message can name the migration at fault.
 */

/** Limits of one submission: a migration's file, the whole upload, and how many migrations. */
export const SUBMISSION_LIMITS = {
  fileBytes: 5 * 1024 * 1024,
  totalBytes: 50 * 1024 * 1024,
  files: 5_000,
} as const;

export const ZSubmittedMigration = z.object({
  name: z.string().min(1, "must not be empty").max(255, "must be 255 characters or fewer"),
  sql: z.string(),
  downSql: z.string().nullish(),
  verifySql: z.string().nullish(),
});

export const ZSubmission = z.object({
  project: z.string().trim().min(1, "name the project by its slug"),
  files: z
    .array(ZSubmittedMigration)
    .min(1, "send at least one migration (a folder holding migration.sql)")
    .max(SUBMISSION_LIMITS.files, `must hold ${SUBMISSION_LIMITS.files.toLocaleString("en")} migrations or fewer`),
  branch: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(255, "must be 255 characters or fewer")
    .regex(/^[^\s\x00-\x1f\x7f]+$/, "must be a branch name, without spaces or control characters")
    .nullish(),
  commit: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{7,64}$/, "must be a commit id: 7 to 64 hexadecimal characters")
    .transform((s) => s.toLowerCase())
    .nullish(),
  title: z.string().trim().min(3, "must be 3 characters or more").max(200, "must be 200 characters or fewer").nullish(),
  description: z.string().trim().max(10_000, "must be 10,000 characters or fewer").nullish(),
  draft: z.boolean().default(false),
});

export type TSubmission = z.input<typeof ZSubmission>;

export const ZSubmissionFinding = z.object({
  migration: z.string(),
  rule: z.string(),
  severity: z.enum(["info", "low", "medium", "high", "critical"]),
  line: z.number().int(),
  message: z.string(),
});

export const ZSubmissionResult = z.object({
  request: z
    .object({
      number: z.number().int(),
      title: z.string(),
      status: z.string(),
      riskLevel: z.string().nullable(),
      url: z.string(),
    })
    .nullable(),
  /** true: a new request; false: the branch's open request was updated (or nothing was pending). */
  created: z.boolean(),
  /** The migrations the request now holds (none when nothing is pending). */
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  findings: z.array(ZSubmissionFinding),
  /** Standing decisions that stopped counting because the SQL or the lint report changed. */
  invalidatedApprovals: z.number().int(),
  message: z.string(),
});

export type TSubmissionResult = z.infer<typeof ZSubmissionResult>;
