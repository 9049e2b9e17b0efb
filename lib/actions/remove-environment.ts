"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { removeEnvironment, type RemovedEnvironment } from "@/lib/server/environments";
import { parseInput } from "@/lib/server/environments/input";
import { toActionError, type ActionResult } from "@/lib/errors";

const ZInput = z.object({ environmentId: z.string().min(1).max(100) });

/** An admin takes an environment out of the chain (refused while a deploy there is queued or running). */
export async function removeEnvironmentAction(input: z.input<typeof ZInput>): Promise<ActionResult<RemovedEnvironment>> {
  try {
    const { environmentId } = parseInput(ZInput, input);
    const removed = await removeEnvironment(await requireUser(), environmentId);
    revalidatePath("/", "layout");
    return { ok: true, data: removed };
  } catch (error) {
    return toActionError(error);
  }
}
