"use server";

import { redirect } from "next/navigation";
import { acceptInvitation } from "@/lib/server/people/accept-invitation";
import { parseInput } from "@/lib/server/people/input";
import { ZAcceptInvitation, type TAcceptInvitation } from "@/lib/schemas/people";
import { toActionError, type ActionResult } from "@/lib/errors";

/** The /invite form: the invitee sets name and password (public; the link's secret is the proof), then signs in. */
export async function acceptInvitationAction(input: TAcceptInvitation): Promise<ActionResult> {
  try {
    await acceptInvitation(parseInput(ZAcceptInvitation, input));
  } catch (error) {
    return toActionError(error);
  }
  redirect("/sign-in?notice=invited");
}
