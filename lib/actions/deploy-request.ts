"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { deployRequest } from "@/lib/server/deployments";
import { ZStartDeploy, type TStartDeploy } from "@/lib/schemas/deployment";
import { toActionError, type ActionResult } from "@/lib/errors";

/** Queues the deploy; the page then follows it live through /api/v1/deployments/[id]. */
export async function deployRequestAction(input: TStartDeploy): Promise<ActionResult<{ deploymentId: string; status: string }>> {
  try {
    const parsed = ZStartDeploy.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    const deployment = await deployRequest(user, parsed.data);
    revalidatePath(`/requests/${parsed.data.requestId}`);
    revalidatePath("/history");
    return { ok: true, data: { deploymentId: deployment.id, status: deployment.status } };
  } catch (error) {
    return toActionError(error);
  }
}
