import { z } from "zod";

/** The requester's edit of their own request: text fields, and the SQL of pasted migrations. */
export const ZUpdateRequest = z.object({
  requestId: z.string().min(1),
  title: z.string().trim().min(3, "Give the request a title (3 characters or more)").max(200),
  description: z.string().trim().max(10_000).default(""),
  rollbackPlan: z.string().trim().max(10_000).optional(),
  /** Only pasted migrations can be edited here; folder migrations change in the repository. */
  migrations: z
    .array(
      z.object({
        name: z.string().min(1),
        sql: z.string().refine((s) => s.trim().length > 0, "The migration SQL is empty"),
        downSql: z.string().trim().nullish().transform((s) => (s ? s : null)),
      }),
    )
    .default([]),
});
export type TUpdateRequest = z.input<typeof ZUpdateRequest>;
