"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { setUserActive } from "@/lib/server/people/set-user-active";
import { parseInput } from "@/lib/server/people/input";
import { toActionError, type ActionResult } from "@/lib/errors";

const ZSetUserActive = z.object({ userId: z.string().min(1).max(100), active: z.boolean() });

/** A site admin deactivates (sessions and tokens end at once) or reactivates an account. */
export async function setUserActiveAction(input: z.input<typeof ZSetUserActive>): Promise<ActionResult> {
  try {
    const { userId, active } = parseInput(ZSetUserActive, input);
    await setUserActive(await requireUser(), userId, active);
    revalidatePath("/settings/people");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
