import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Locks the project's row for the rest of the transaction: two admins demoting or removing
 * each other at the same moment are serialised, so the check below cannot pass twice.
 */
export async function lockProject(tx: DbTransaction, projectId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
}

/** Refuses to leave a project without an active admin (call under `lockProject`). */
export async function keepAnActiveAdmin(tx: DbTransaction, project: { id: string; name: string }, leavingUserId: string, what: string): Promise<void> {
  const others = await tx.membership.count({ where: { projectId: project.id, role: "admin", userId: { not: leavingUserId }, user: { deactivatedAt: null } } });
  if (others === 0) throw new AppError("CONFLICT", `Cannot ${what}: they are the last admin of ${project.name}. Make someone else admin first.`);
}
