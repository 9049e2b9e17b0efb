"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { restoreDeployment } from "@/lib/server/deployments";
import { ZStopDeployment, type TStopDeployment } from "@/lib/schemas/deployment";
import { toActionError, type ActionResult } from "@/lib/errors";
import type { RestoreReport } from "@/lib/deploy/restore";

/** Restores a prod deploy's backup (admins; checked by the domain function). */
export async function restoreDeploymentAction(input: TStopDeployment): Promise<ActionResult<RestoreReport>> {
  try {
    const parsed = ZStopDeployment.safeParse(input);
    if (!parsed.success) return { ok: false, code: "BAD_INPUT", message: z.prettifyError(parsed.error) };
    const user = await requireUser();
    const report = await restoreDeployment(user, parsed.data);
    revalidatePath(`/history/${parsed.data.deploymentId}`);
    return { ok: true, data: report };
  } catch (error) {
    return toActionError(error);
  }
}
