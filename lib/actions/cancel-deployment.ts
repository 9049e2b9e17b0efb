"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { stopDeployment } from "@/lib/server/deployments";
import { ZStopDeployment, type TStopDeployment } from "@/lib/schemas/deployment";
import { toActionError, type ActionResult } from "@/lib/errors";

/** Cancels a scheduled (queued) deploy; deploy.stop permission and the audit event come with stopDeployment. */
export async function cancelDeploymentAction(input: TStopDeployment): Promise<ActionResult<{ status: "cancelled" | "stopping" }>> {
  try {
    const parsed = ZStopDeployment.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    const result = await stopDeployment(user, parsed.data);
    revalidatePath("/deploys");
    revalidatePath(`/history/${parsed.data.deploymentId}`);
    return { ok: true, data: result };
  } catch (error) {
    return toActionError(error);
  }
}
