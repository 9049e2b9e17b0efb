import type { DbTransaction } from "@/lib/db";

/**
 * Serialises changes to one project's chain (add, rename, reorder, remove) for the rest of the
 * transaction. NO KEY UPDATE: requests and deployments referencing the project are not blocked.
 */
export async function lockChain(tx: DbTransaction, projectId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Project" WHERE id = ${projectId} FOR NO KEY UPDATE`;
}

/** The live chain in promotion order. */
export function liveChain(tx: DbTransaction, projectId: string) {
  return tx.environment.findMany({ where: { projectId, removedAt: null }, orderBy: { position: "asc" }, include: { policy: { select: { id: true } } } });
}

/**
 * Gives the live environments positions 0, 1, 2 … in the order given. Positions are unique in
 * the live chain at every statement, so each first moves to a negative place no live
 * environment holds, then to its own.
 */
export async function placeChain(tx: DbTransaction, orderedIds: string[]): Promise<void> {
  for (const [index, id] of orderedIds.entries()) await tx.environment.update({ where: { id }, data: { position: -1 - index } });
  for (const [index, id] of orderedIds.entries()) await tx.environment.update({ where: { id }, data: { position: index } });
}
