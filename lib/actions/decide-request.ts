"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { decideRequest } from "@/lib/server/requests";
import { ZDecision, type TDecision } from "@/lib/schemas/request";
import { toActionError, type ActionResult } from "@/lib/errors";

/**
 * Approve, reject or request changes: one action, the decision says which. `seenLintHash` is
 * the lint report the page showed; the decision is refused if the report changed since.
 */
export async function decideRequestAction(input: TDecision, seenLintHash?: string | null): Promise<ActionResult<{ autoDeployed: string[] }>> {
  try {
    const parsed = ZDecision.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    const { autoDeploys } = await decideRequest(user, input, { seenLintHash: typeof seenLintHash === "string" ? seenLintHash : null });
    revalidatePath(`/requests/${parsed.data.requestId}`);
    revalidatePath("/requests");
    return { ok: true, data: { autoDeployed: autoDeploys.filter((d) => d.deploymentId).map((d) => d.environment) } };
  } catch (error) {
    return toActionError(error);
  }
}
