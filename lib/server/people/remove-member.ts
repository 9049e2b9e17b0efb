import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/roles";
import { managedProject } from "./access";
import { keepAnActiveAdmin, lockProject } from "./project-admins";

/**
 * Takes someone out of a project. Their past decisions stay in the history; from now on they
 * no longer count toward a policy (deploy checks read current memberships).
 */
export async function removeMember(actor: CurrentUser, input: { projectId: string; userId: string }) {
  const project = await managedProject(actor, input.projectId);
  await db().$transaction(async (tx) => {
    await lockProject(tx, project.id);
    const membership = await tx.membership.findUnique({
      where: { userId_projectId: { userId: input.userId, projectId: project.id } },
      include: { user: { select: { email: true, deactivatedAt: true } } },
    });
    if (!membership) throw new AppError("NOT_FOUND", "That person is not a member of this project.");
    if (membership.role === "admin" && !membership.user.deactivatedAt) await keepAnActiveAdmin(tx, project, membership.userId, `remove ${membership.user.email}`);
    const scope = await tx.environment.findMany({ where: { id: { in: membership.environmentIds } }, orderBy: { position: "asc" }, select: { name: true } });
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "membership.removed",
      subjectType: "user",
      subjectId: membership.userId,
      projectId: project.id,
      before: { user: membership.user.email, role: membership.role, environments: scope.map((e) => e.name) },
    });
  });
}
