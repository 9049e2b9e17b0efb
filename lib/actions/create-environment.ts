"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { createEnvironment, type EnvironmentView } from "@/lib/server/environments";
import { parseInput } from "@/lib/server/environments/input";
import type { TCreateEnvironment } from "@/lib/schemas/environment";
import { toActionError, type ActionResult } from "@/lib/errors";

// The environment itself is checked by the domain function, whose 400s name the field ("url: …").
const ZInput = z.object({ projectId: z.string().min(1).max(100), environment: z.custom<TCreateEnvironment>() });

/** An admin adds an environment at the end of the chain (checks in lib/server/environments). */
export async function createEnvironmentAction(input: z.input<typeof ZInput>): Promise<ActionResult<EnvironmentView>> {
  try {
    const { projectId, environment } = parseInput(ZInput, input);
    const created = await createEnvironment(await requireUser(), projectId, environment);
    // The chain shows on most pages (matrix, health, requests, dashboard).
    revalidatePath("/", "layout");
    return { ok: true, data: created };
  } catch (error) {
    return toActionError(error);
  }
}
