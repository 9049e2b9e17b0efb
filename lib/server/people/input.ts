import { z } from "zod";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Parses a domain function's input, or throws BAD_INPUT naming the field ("password: must be
 * at least 12 characters"): the UI, the API and the CLI all show that sentence as it is.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  const field = first.path.map(String).join(".");
  throw new AppError("BAD_INPUT", field ? `${field}: ${first.message}.` : `${first.message}.`, { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) });
}

/**
 * Runs a write whose uniqueness was checked first: when a concurrent request created the same
 * account or membership in between, the unique index refuses it and the caller gets CONFLICT.
 */
export async function conflictOnRace<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", message);
    throw error;
  }
}
