"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { revokeApiToken } from "@/lib/server/tokens";
import { ZRevokeToken, type TRevokeToken } from "@/lib/schemas/token";
import { toActionError, type ActionResult } from "@/lib/errors";

/** Revokes a token at once (its owner, or an admin over it: checked in lib/server/tokens). */
export async function revokeApiTokenAction(input: TRevokeToken): Promise<ActionResult> {
  try {
    const parsed = ZRevokeToken.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    await revokeApiToken(user, parsed.data.tokenId);
    revalidatePath("/settings/tokens");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
