import { can } from "@/lib/auth/permissions";
import { roleIn, type CurrentUser } from "@/lib/auth/roles";
import { tokenAllows } from "@/lib/auth/token-scopes";
import { AppError } from "@/lib/errors";
import { listEnvironments } from "./list-environments";
import { projectBySlug } from "./lookup";
import type { EnvironmentView } from "./view";

export type EnvironmentsSettings = {
  project: { id: string; slug: string; name: string };
  /** The viewer may add, edit, reorder, remove and test (settings.manage); others only read. */
  mayManage: boolean;
  environments: EnvironmentView[];
};

/** What /settings/projects/[slug]/environments shows: the chain, and whether the viewer may change it. */
export async function environmentsForSettings(actor: CurrentUser, slug: string): Promise<EnvironmentsSettings> {
  const project = await projectBySlug(slug);
  const role = await roleIn(actor.id, project.id);
  if (!role) throw new AppError("FORBIDDEN", "You are not a member of this project.");
  const environments = await listEnvironments(actor, project.id);
  return { project, mayManage: can(role, "settings.manage") && tokenAllows(actor.token, project.id, "settings.manage"), environments };
}
