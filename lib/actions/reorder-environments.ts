"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { reorderEnvironments, type EnvironmentView } from "@/lib/server/environments";
import { parseInput } from "@/lib/server/environments/input";
import type { TReorderEnvironments } from "@/lib/schemas/environment";
import { toActionError, type ActionResult } from "@/lib/errors";

// The order itself is checked by the domain function, whose 400s name the field ("url: …").
const ZInput = z.object({ projectId: z.string().min(1).max(100), order: z.custom<TReorderEnvironments>() });

/** An admin sets the promotion chain's order. */
export async function reorderEnvironmentsAction(input: z.input<typeof ZInput>): Promise<ActionResult<EnvironmentView[]>> {
  try {
    const { projectId, order } = parseInput(ZInput, input);
    const environments = await reorderEnvironments(await requireUser(), projectId, order);
    revalidatePath("/", "layout");
    return { ok: true, data: environments };
  } catch (error) {
    return toActionError(error);
  }
}
