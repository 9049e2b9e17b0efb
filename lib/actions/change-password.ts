"use server";

import { signOut } from "@/lib/auth/config";
import { requireUser } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/server/people/passwords";
import { parseInput } from "@/lib/server/people/input";
import { ZChangePassword, type TChangePassword } from "@/lib/schemas/people";
import { toActionError, type ActionResult } from "@/lib/errors";

/** Someone changes their own password; every session ends, this one too, and they sign in again. */
export async function changePasswordAction(input: TChangePassword): Promise<ActionResult> {
  try {
    await changeOwnPassword(await requireUser(), parseInput(ZChangePassword, input));
  } catch (error) {
    return toActionError(error);
  }
  await signOut({ redirectTo: "/sign-in?notice=password-changed" });
  return { ok: true, data: undefined };
}
