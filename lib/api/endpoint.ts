import { z } from "zod";

/**
 * One REST endpoint, described once: the route handler parses with these schemas
 * (lib/api/route.ts) and the OpenAPI document is generated from the same objects
 * (lib/api/openapi.ts), so the two cannot drift apart.
 */
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export type Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  method: HttpMethod;
  /** OpenAPI style, relative to /api/v1: "/projects/{slug}/refresh". */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /**
   * "user": a bearer token or a browser session (default). "none": public (the OpenAPI document).
   * "webhook": the handler checks its own credentials (a signed push webhook or a token).
   */
  auth?: "user" | "none" | "webhook";
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** 200 unless said otherwise (201 for creations). */
  status?: number;
  /** Largest body accepted, in bytes (default 1 MB); uploads of migration folders say more. */
  maxBodyBytes?: number;
};

export function defineEndpoint<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(endpoint: Endpoint<P, Q, B, R>) {
  return endpoint;
}

/** The one error shape of every /api/v1 answer that is not a success. */
export const ZApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** An id or slug in a path: printable, short, no NUL bytes or slashes, so it never reaches the database malformed. */
export const ZPathId = z
  .string()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "may hold only letters, digits, _ . and -");
