import { z } from "zod";
import { DAY_PATTERN, isRealDay } from "@/lib/format/day";

/**
 * Field schemas the /api/v1 endpoints share. Every text a caller sends is checked here before
 * it reaches a query: control characters (a NUL byte above all, which PostgreSQL refuses in
 * text) are a 400 naming the field, never a 500 from the database.
 */
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const NO_NUL = /^[^\u0000]*$/;

/** One line of text: a name, a branch, a filter. */
export function apiText(max: number) {
  return z.string().max(max, `must be ${max} characters or fewer`).regex(NO_CONTROL, "must not hold control characters");
}

/** Free text that may span lines (a comment), without NUL bytes. */
export function apiMultilineText(max: number) {
  return z.string().max(max, `must be ${max.toLocaleString("en-US")} characters or fewer`).regex(NO_NUL, "must not hold NUL bytes");
}

/** A project's slug as people type it. */
export const ZProjectSlug = z
  .string()
  .min(1, "must not be empty")
  .max(100, "must be 100 characters or fewer")
  .regex(/^[A-Za-z0-9_.-]+$/, "must be a project slug (letters, digits, _ . -)")
  .describe("A project's slug, e.g. riscura");

/** An environment's name within its project. */
export const ZEnvironmentName = apiText(100).min(1, "must not be empty").describe("An environment's name within the project, e.g. staging");

/** A request number in a path (`/requests/42`). */
export const ZRequestNumberParam = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, "must be a request number such as 42")
  .transform(Number)
  .describe("The request's number, as shown in the UI (#42 → 42)");

/** A moment with its offset, e.g. 2026-12-24T18:00:00Z. */
export const ZIsoTime = z.iso.datetime({ offset: true, message: "must be an ISO 8601 time with an offset, e.g. 2026-12-24T18:00:00Z" });

/** A day in UTC, e.g. 2026-12-24 (a real one: 2026-02-30 is refused, not rolled over). */
export const ZIsoDay = z.string().regex(DAY_PATTERN, "must be a day as YYYY-MM-DD").refine(isRealDay, "must be a day that exists, as YYYY-MM-DD");

/** The most items one page of a list answers with. */
export const MAX_PAGE_LIMIT = 100;

/** The size of a keyset page. */
export function pageLimit(max: number, fallback: number) {
  return z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(max, `must be at most ${max}`)
    .default(fallback)
    .describe(`How many to return (1–${max}, default ${fallback})`);
}

/** Times in answers: ISO 8601 in UTC. */
export const ZTimestamp = z.iso.datetime();
