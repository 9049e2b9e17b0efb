"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { createRequest } from "@/lib/server/requests";
import { ZCreateRequest, type TCreateRequest } from "@/lib/schemas/request";
import { toActionError, type ActionResult } from "@/lib/errors";

export async function createRequestAction(input: TCreateRequest): Promise<ActionResult<{ id: string; number: number }>> {
  try {
    const parsed = ZCreateRequest.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    const request = await createRequest(user, input);
    revalidatePath("/requests");
    revalidatePath("/");
    return { ok: true, data: { id: request.id, number: request.number } };
  } catch (error) {
    return toActionError(error);
  }
}
