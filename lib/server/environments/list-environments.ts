import { db } from "@/lib/db";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { environmentView, type EnvironmentView } from "./view";

/** A project's live chain in promotion order, URLs redacted: any member may read it. */
export async function listEnvironments(actor: CurrentUser, projectId: string): Promise<EnvironmentView[]> {
  await authorize(actor, projectId, "history.read");
  const environments = await db().environment.findMany({
    where: { projectId, removedAt: null },
    orderBy: { position: "asc" },
    include: { policy: { select: { id: true } } },
  });
  return environments.map(environmentView);
}
