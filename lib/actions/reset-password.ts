"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { resetPassword } from "@/lib/server/people/passwords";
import { parseInput } from "@/lib/server/people/input";
import { toActionError, type ActionResult } from "@/lib/errors";

const ZUserId = z.string().min(1).max(100);

/** An admin resets someone's password; the temporary one comes back once, to pass on. */
export async function resetPasswordAction(userId: string): Promise<ActionResult<{ email: string; temporaryPassword: string }>> {
  try {
    const result = await resetPassword(await requireUser(), parseInput(ZUserId, userId));
    revalidatePath("/settings/people");
    return { ok: true, data: result };
  } catch (error) {
    return toActionError(error);
  }
}
