"use server";

import { redirect } from "next/navigation";
import { completeSetup } from "@/lib/server/setup";
import { parseInput } from "@/lib/server/people/input";
import { ZCompleteSetup, type TCompleteSetup } from "@/lib/schemas/people";
import { toActionError, type ActionResult } from "@/lib/errors";

/** The /setup form: creates the first admin (public; the setup link's secret is the proof), then off to sign in. */
export async function completeSetupAction(input: TCompleteSetup): Promise<ActionResult> {
  try {
    await completeSetup(parseInput(ZCompleteSetup, input));
  } catch (error) {
    return toActionError(error);
  }
  redirect("/sign-in?notice=setup");
}
