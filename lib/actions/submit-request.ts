"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { submitRequest } from "@/lib/server/requests";
import { toActionError, type ActionResult } from "@/lib/errors";

export async function submitRequestAction(requestId: string): Promise<ActionResult> {
  try {
    if (typeof requestId !== "string" || !requestId) return { ok: false, code: "BAD_INPUT", message: "Missing request id." };
    const user = await requireUser();
    await submitRequest(user, requestId);
    revalidatePath(`/requests/${requestId}`);
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
