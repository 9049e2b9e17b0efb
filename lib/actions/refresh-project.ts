"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { refreshProject } from "@/lib/server/projects/refresh-project";
import { visibleProjectBySlug } from "@/lib/server/projects/access";
import { parseInput } from "@/lib/server/environments/input";
import { SourceError } from "@/lib/sources/source-error";
import { toActionError, type ActionResult } from "@/lib/errors";

const ZInput = z.object({ slug: z.string().min(1).max(100) });

export type RefreshSummary = { changed: boolean; previousCommit: string | null; headCommit: string; migrations: number };

/** "Refresh now": fetch a git project's repository (any member). A failed fetch comes back as its reason. */
export async function refreshProjectAction(input: z.input<typeof ZInput>): Promise<ActionResult<RefreshSummary>> {
  try {
    const { slug } = parseInput(ZInput, input);
    const user = await requireUser();
    const { id } = await visibleProjectBySlug(user, slug);
    const result = await refreshProject(user, id);
    // The head, the snapshot and the error show on the matrix, settings and new-request pages.
    revalidatePath("/", "layout");
    if (!result.ok) return { ok: false, code: new SourceError(result.failure, result.error).code, message: result.error };
    return { ok: true, data: { changed: result.changed, previousCommit: result.previousCommit, headCommit: result.headCommit, migrations: result.migrations } };
  } catch (error) {
    return toActionError(error);
  }
}
