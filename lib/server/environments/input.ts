import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Parses a domain function's input, so the browser, the API and the CLI get the same
 * 400 naming the field ("name: must be …"), whoever called.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join(".");
  throw new AppError("BAD_INPUT", `${field ? `${field}: ` : ""}${issue?.message ?? "invalid input"}.`, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  });
}
