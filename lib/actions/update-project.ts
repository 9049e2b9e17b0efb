"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { updateProject } from "@/lib/server/projects/update-project";
import type { FetchOutcome } from "@/lib/server/projects/create-project";
import { parseInput } from "@/lib/server/environments/input";
import type { TUpdateProject } from "@/lib/schemas/project";
import { toActionError, type ActionResult } from "@/lib/errors";

// The change itself is checked by the domain function, whose 400s name the field ("branch: …").
const ZInput = z.object({ slug: z.string().min(1).max(100), changes: z.custom<TUpdateProject>((value) => typeof value === "object" && value !== null) });

/** A project admin changes the project's name, tenant key or source (checks in lib/server/projects). */
export async function updateProjectAction(input: z.input<typeof ZInput>): Promise<ActionResult<{ fetch: FetchOutcome | null }>> {
  try {
    const { slug, changes } = parseInput(ZInput, input);
    const { fetch } = await updateProject(await requireUser(), slug, changes);
    revalidatePath("/", "layout");
    return { ok: true, data: { fetch } };
  } catch (error) {
    return toActionError(error);
  }
}
