"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { removeMember } from "@/lib/server/people/remove-member";
import { parseInput } from "@/lib/server/people/input";
import { toActionError, type ActionResult } from "@/lib/errors";

const ZRemoveMember = z.object({ projectId: z.string().min(1).max(100), userId: z.string().min(1).max(100) });

/** An admin takes someone out of a project (never its last admin). */
export async function removeMemberAction(input: z.input<typeof ZRemoveMember>): Promise<ActionResult> {
  try {
    await removeMember(await requireUser(), parseInput(ZRemoveMember, input));
    revalidatePath("/settings/people");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
