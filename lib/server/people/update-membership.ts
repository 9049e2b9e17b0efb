import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/roles";
import { ZUpdateMembership, type TUpdateMembership } from "@/lib/schemas/people";
import { managedProject } from "./access";
import { parseInput } from "./input";
import { keepAnActiveAdmin, lockProject } from "./project-admins";
import { scopeEnvironments } from "./records";

/**
 * Changes a member's role and approver scope (environments they may approve for; empty =
 * all). Their standing approvals are re-judged by the new role and scope when a deploy is
 * checked, since the policy reads memberships as they are now.
 */
export async function updateMembership(actor: CurrentUser, raw: TUpdateMembership) {
  const input = parseInput(ZUpdateMembership, raw);
  const project = await managedProject(actor, input.projectId);
  return db().$transaction(async (tx) => {
    await lockProject(tx, project.id);
    const membership = await tx.membership.findUnique({ where: { userId_projectId: { userId: input.userId, projectId: project.id } }, include: { user: { select: { email: true } } } });
    if (!membership) throw new AppError("NOT_FOUND", "That person is not a member of this project.");
    const scope = await scopeEnvironments(tx, project.id, input.role, input.environmentIds);
    const scopeIds = scope.map((e) => e.id);
    const sameScope = scopeIds.length === membership.environmentIds.length && scopeIds.every((id) => membership.environmentIds.includes(id));
    if (membership.role === input.role && sameScope) return membership;
    if (membership.role === "admin" && input.role !== "admin") await keepAnActiveAdmin(tx, project, membership.userId, `change ${membership.user.email}'s role`);
    const before = await tx.environment.findMany({ where: { id: { in: membership.environmentIds } }, orderBy: { position: "asc" }, select: { name: true } });
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role, environmentIds: scopeIds } });
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "membership.updated",
      subjectType: "user",
      subjectId: membership.userId,
      projectId: project.id,
      before: { user: membership.user.email, role: membership.role, environments: before.map((e) => e.name) },
      after: { user: membership.user.email, role: input.role, environments: scope.map((e) => e.name) },
    });
    return updated;
  });
}
