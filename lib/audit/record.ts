import type { DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./actions";
import { chainHash } from "./chain";

/** Who did it; `tokenId` when it came through an API token (kept in the event's metadata). */
export type AuditActor = { id: string | null; email: string; tokenId?: string };

/** The audit actor for a principal: the person, and the API token they acted through, if any. */
export function auditActorOf(user: { id: string; email: string; token?: { id: string } }): AuditActor {
  return user.token ? { id: user.id, email: user.email, tokenId: user.token.id } : { id: user.id, email: user.email };
}

export type AuditInput = {
  actor: AuditActor;
  action: AuditAction;
  subjectType: "request" | "deployment" | "approval" | "user" | "environment" | "project" | "token" | "invitation" | "setup";
  subjectId: string;
  projectId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  metadata?: Prisma.InputJsonValue | null;
};

function metadataWithToken(input: AuditInput): Prisma.InputJsonValue | null {
  if (!input.actor.tokenId) return input.metadata ?? null;
  const base = input.metadata && typeof input.metadata === "object" && !Array.isArray(input.metadata) ? input.metadata : input.metadata != null ? { value: input.metadata } : {};
  return { ...(base as Record<string, Prisma.InputJsonValue>), tokenId: input.actor.tokenId };
}

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
    metadata: metadataWithToken(input),
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
