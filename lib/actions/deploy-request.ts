"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { deployRequest } from "@/lib/server/deployments";
import { ZDeploy, type TDeploy } from "@/lib/schemas/request";
import { toActionError, type ActionResult } from "@/lib/errors";

export async function deployRequestAction(input: TDeploy): Promise<ActionResult<{ deploymentId: string; status: string; error: string | null }>> {
  try {
    const parsed = ZDeploy.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    const deployment = await deployRequest(user, input);
    revalidatePath(`/requests/${parsed.data.requestId}`);
    revalidatePath("/history");
    revalidatePath("/migrations");
    return { ok: true, data: { deploymentId: deployment.id, status: deployment.status, error: deployment.error } };
  } catch (error) {
    return toActionError(error);
  }
}
