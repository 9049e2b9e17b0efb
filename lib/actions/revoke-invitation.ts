"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { revokeInvitation } from "@/lib/server/people/revoke-invitation";
import { parseInput } from "@/lib/server/people/input";
import { toActionError, type ActionResult } from "@/lib/errors";

const ZInvitationId = z.string().min(1).max(100);

/** An admin withdraws a pending invitation: its link stops working. */
export async function revokeInvitationAction(invitationId: string): Promise<ActionResult> {
  try {
    await revokeInvitation(await requireUser(), parseInput(ZInvitationId, invitationId));
    revalidatePath("/settings/people");
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
