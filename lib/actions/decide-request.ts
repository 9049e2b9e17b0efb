"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { decideRequest } from "@/lib/server/requests";
import { ZDecision, type TDecision } from "@/lib/schemas/request";
import { toActionError, type ActionResult } from "@/lib/errors";

/** Approve, reject or request changes: one action, the decision says which. */
export async function decideRequestAction(input: TDecision): Promise<ActionResult> {
  try {
    const parsed = ZDecision.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    await decideRequest(user, input);
    revalidatePath(`/requests/${parsed.data.requestId}`);
    revalidatePath("/requests");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
