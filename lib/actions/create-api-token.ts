"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { expiresAtOf } from "@/lib/auth/token-state";
import { createApiToken } from "@/lib/server/tokens";
import { ZCreateTokenForm, type TCreateTokenForm } from "@/lib/schemas/token";
import { toActionError, type ActionResult } from "@/lib/errors";

/** Makes a token from the tokens page; the secret goes back to the page once and is never readable again. */
export async function createApiTokenAction(input: TCreateTokenForm): Promise<ActionResult<{ name: string; prefix: string; secret: string }>> {
  try {
    const parsed = ZCreateTokenForm.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    const form = parsed.data;
    const token = await createApiToken(user, {
      userId: form.userId ?? user.id,
      name: form.name,
      scopes: form.scopes,
      projectIds: form.allProjects ? [] : form.projectIds,
      expiresAt: expiresAtOf(form.expiry, form.expiryDate, new Date()),
    });
    revalidatePath("/settings/tokens");
    return { ok: true, data: { name: token.name, prefix: token.prefix, secret: token.secret } };
  } catch (error) {
    return toActionError(error);
  }
}
