"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { updatePolicy } from "@/lib/server/policies";
import { ZUpdatePolicy, type TUpdatePolicy } from "@/lib/schemas/policy";
import { toActionError, type ActionResult } from "@/lib/errors";

/** An admin saves one environment's policy (settings.manage is checked in lib/server/policies). */
export async function updatePolicyAction(input: TUpdatePolicy): Promise<ActionResult> {
  try {
    const parsed = ZUpdatePolicy.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    await updatePolicy(user, parsed.data);
    revalidatePath("/settings/policies");
    revalidatePath("/requests", "layout");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
