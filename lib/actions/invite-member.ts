"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { inviteMember } from "@/lib/server/people/invite-member";
import { parseInput } from "@/lib/server/people/input";
import { ZInviteMember, type TInviteMember } from "@/lib/schemas/people";
import { toActionError, type ActionResult } from "@/lib/errors";

export type InviteResult = { kind: "added"; email: string } | { kind: "invited"; email: string; url: string; expiresAt: string };

/** An admin invites someone to a project (or adds an existing account); the link comes back once. */
export async function inviteMemberAction(input: TInviteMember): Promise<ActionResult<InviteResult>> {
  try {
    const parsed = parseInput(ZInviteMember, input);
    const outcome = await inviteMember(await requireUser(), parsed);
    revalidatePath("/settings/people");
    return {
      ok: true,
      data: outcome.kind === "invited" ? { kind: "invited", email: outcome.email, url: outcome.url, expiresAt: outcome.expiresAt.toISOString() } : { kind: "added", email: outcome.email },
    };
  } catch (error) {
    return toActionError(error);
  }
}
