import { z } from "zod";
import { RequestStatus } from "@/lib/generated/prisma/enums";

/** Every request status, in the schema's order (the Prisma enum is the one list). */
export const REQUEST_STATUSES = Object.values(RequestStatus);

// Prisma accepts any directory name; these characters keep names safe in paths and logs.
export const MIGRATION_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_ .-]{0,199}$/;

export const ZPastedMigration = z.object({
  name: z.string().trim().regex(MIGRATION_NAME_PATTERN, "Name: letters, digits, _ . - and spaces, e.g. 20261124120000_add_invoice_index"),
  sql: z.string().refine((s) => s.trim().length > 0, "The migration SQL is empty"),
  downSql: z.string().trim().optional().transform((s) => (s ? s : null)),
});

export const ZCreateRequest = z
  .object({
    projectId: z.string().min(1),
    title: z.string().trim().min(3, "Give the request a title (3 characters or more)").max(200),
    description: z.string().trim().max(10_000).default(""),
    rollbackPlan: z.string().trim().max(10_000).default(""),
    type: z.enum(["schema", "data", "performance"]).default("schema"),
    folderMigrations: z.array(z.string()).default([]),
    pasted: ZPastedMigration.nullish(),
    submit: z.boolean().default(true),
  })
  .refine((r) => r.folderMigrations.length > 0 || r.pasted, { message: "Pick at least one pending migration or paste SQL", path: ["folderMigrations"] });

export type TCreateRequest = z.input<typeof ZCreateRequest>;

export const ZDecision = z.object({
  requestId: z.string().min(1),
  decision: z.enum(["approved", "rejected", "changes_requested"]),
  comment: z.string().trim().max(5_000, "The comment must be 5,000 characters or fewer").default(""),
  /** Approve for one environment only; omitted = every environment the approver's scope covers. */
  environmentId: z.string().min(1).max(100).nullish(),
});
export type TDecision = z.input<typeof ZDecision>;

export const ZDeploy = z.object({
  requestId: z.string().min(1),
  environmentId: z.string().min(1),
});
export type TDeploy = z.input<typeof ZDeploy>;
