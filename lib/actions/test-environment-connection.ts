"use server";

import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { testConnection, type ConnectionReport } from "@/lib/server/environments";
import { parseInput } from "@/lib/server/environments/input";
import { toActionError, type ActionResult } from "@/lib/errors";

const URL_TEXT = z.string().max(4000, "must be 4000 characters or fewer");
const CA_TEXT = z.string().max(64 * 1024, "must be 64 kB or smaller");
const ZInput = z.union([
  z.object({ environmentId: z.string().min(1).max(100), url: URL_TEXT.optional(), caCert: CA_TEXT.nullable().optional(), name: z.string().max(100).optional() }),
  z.object({ projectId: z.string().min(1).max(100), url: URL_TEXT, caCert: CA_TEXT.nullable().optional(), name: z.string().max(100).optional() }),
]);

/** "Test connection" for a saved environment (with the edit form's changes) or a new one before saving. */
export async function testEnvironmentConnectionAction(input: z.input<typeof ZInput>): Promise<ActionResult<ConnectionReport>> {
  try {
    return { ok: true, data: await testConnection(await requireUser(), parseInput(ZInput, input)) };
  } catch (error) {
    return toActionError(error);
  }
}
