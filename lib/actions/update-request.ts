"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { updateRequest } from "@/lib/server/requests";
import { ZUpdateRequest, type TUpdateRequest } from "@/lib/schemas/request-edit";
import { toActionError, type ActionResult } from "@/lib/errors";

/** The requester edits their own request; changed SQL invalidates standing approvals. */
export async function updateRequestAction(input: TUpdateRequest): Promise<ActionResult<{ status: string; invalidated: number }>> {
  try {
    const parsed = ZUpdateRequest.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    const result = await updateRequest(user, input);
    revalidatePath("/requests");
    revalidatePath("/");
    return { ok: true, data: result };
  } catch (error) {
    return toActionError(error);
  }
}
