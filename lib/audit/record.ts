import type { DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./actions";
import { chainHash } from "./chain";

export type AuditActor = { id: string | null; email: string };

export type AuditInput = {
  actor: AuditActor;
  action: AuditAction;
  subjectType: "request" | "deployment" | "approval" | "user" | "environment" | "project";
  subjectId: string;
  projectId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  metadata?: Prisma.InputJsonValue | null;
};

// Serialises writers so two transactions cannot both link to the same previous event.
const AUDIT_CHAIN_LOCK = 727073690;

/**
 * Appends an audit event inside the caller's transaction, so the event exists
 * exactly when the change it records does.
 */
export async function recordAudit(tx: DbTransaction, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? null;
  const content = {
    createdAt: new Date(),
    actorId: input.actor.id,
    actorEmail: input.actor.email,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    projectId: input.projectId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    metadata: input.metadata ?? null,
  };
  await tx.auditEvent.create({
    data: {
      ...content,
      before: content.before ?? undefined,
      after: content.after ?? undefined,
      metadata: content.metadata ?? undefined,
      prevHash,
      hash: chainHash(prevHash, content),
    },
  });
}
