"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { updateMembership } from "@/lib/server/people/update-membership";
import { parseInput } from "@/lib/server/people/input";
import { ZUpdateMembership, type TUpdateMembership } from "@/lib/schemas/people";
import { toActionError, type ActionResult } from "@/lib/errors";

/** An admin changes a member's role and approver scope. */
export async function updateMembershipAction(input: TUpdateMembership): Promise<ActionResult> {
  try {
    await updateMembership(await requireUser(), parseInput(ZUpdateMembership, input));
    revalidatePath("/settings/people");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
