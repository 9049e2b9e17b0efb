"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { updateEnvironment, type EnvironmentView } from "@/lib/server/environments";
import { parseInput } from "@/lib/server/environments/input";
import type { TUpdateEnvironment } from "@/lib/schemas/environment";
import { toActionError, type ActionResult } from "@/lib/errors";

// The changes itself is checked by the domain function, whose 400s name the field ("url: …").
const ZInput = z.object({ environmentId: z.string().min(1).max(100), changes: z.custom<TUpdateEnvironment>() });

/** An admin renames an environment, replaces its URL or CA certificate, or changes its time zone. */
export async function updateEnvironmentAction(input: z.input<typeof ZInput>): Promise<ActionResult<EnvironmentView>> {
  try {
    const { environmentId, changes } = parseInput(ZInput, input);
    const updated = await updateEnvironment(await requireUser(), environmentId, changes);
    revalidatePath("/", "layout");
    return { ok: true, data: updated };
  } catch (error) {
    return toActionError(error);
  }
}
