"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { createProject, type FetchOutcome } from "@/lib/server/projects/create-project";
import type { TCreateProject } from "@/lib/schemas/project";
import { toActionError, type ActionResult } from "@/lib/errors";

/** A site admin adds a project (checks, the first fetch and the audit in lib/server/projects). */
export async function createProjectAction(input: TCreateProject): Promise<ActionResult<{ slug: string; fetch: FetchOutcome | null }>> {
  try {
    const { project, fetch } = await createProject(await requireUser(), input);
    // Projects appear in the navigation's pickers, the matrix, requests and settings.
    revalidatePath("/", "layout");
    return { ok: true, data: { slug: project.slug, fetch } };
  } catch (error) {
    return toActionError(error);
  }
}
