import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The lowest layer of people management: rows and their audit events, written inside the
 * caller's transaction. Every path that makes an account or a membership (first-run setup,
 * `sluice admin bootstrap`, invitations, POST /users, the demo seed) goes through here.
 */

export type NewUserRecord = {
  email: string;
  name: string;
  /** bcrypt hash (lib/auth/credentials.ts `hashPassword`); null for a service account. */
  passwordHash: string | null;
  kind?: "person" | "service";
  siteAdmin?: boolean;
};

/** Creates an account and audits `user.created`. `actor` "self" for someone making their own (setup, invitation). */
export async function createUserRecord(tx: DbTransaction, input: NewUserRecord, actor: AuditActor | "self", metadata?: Record<string, string>) {
  const email = input.email.trim().toLowerCase();
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `An account with the email ${email} already exists.`);
  const kind = input.kind ?? "person";
  if (kind === "person" && !input.passwordHash) throw new AppError("BAD_INPUT", "password: a person's account needs a password; a service account signs in with API tokens.");
  const user = await tx.user.create({
    data: { email, name: input.name.trim(), passwordHash: input.passwordHash, kind, siteAdmin: input.siteAdmin ?? false },
  });
  await recordAudit(tx, {
    actor: actor === "self" ? { id: user.id, email: user.email } : actor,
    action: "user.created",
    subjectType: "user",
    subjectId: user.id,
    after: { email: user.email, name: user.name, kind, siteAdmin: user.siteAdmin },
    metadata: metadata ?? null,
  });
  return user;
}

/**
 * The environments an approver scope names, checked against the project; their names in
 * promotion order. A scope narrows who may approve where, so it only fits the approver role.
 */
export async function scopeEnvironments(tx: DbTransaction, projectId: string, role: Role, environmentIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  const ids = [...new Set(environmentIds)];
  if (ids.length === 0) return [];
  if (role !== "approver") throw new AppError("BAD_INPUT", "environments: an approver scope applies to the approver role only; leave it empty for other roles.");
  const environments = await tx.environment.findMany({ where: { projectId, id: { in: ids } }, orderBy: { position: "asc" }, select: { id: true, name: true } });
  if (environments.length !== ids.length) throw new AppError("BAD_INPUT", "environments: every environment of an approver scope must belong to the project.");
  return environments;
}

export type NewMembershipRecord = { userId: string; projectId: string; role: Role; environmentIds?: readonly string[] };

/** Adds someone to a project with one role (and an approver scope), audited as `membership.created`. */
export async function addMembershipRecord(tx: DbTransaction, input: NewMembershipRecord, actor: AuditActor | "self") {
  const scope = await scopeEnvironments(tx, input.projectId, input.role, input.environmentIds ?? []);
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such account.");
  const existing = await tx.membership.findUnique({ where: { userId_projectId: { userId: input.userId, projectId: input.projectId } }, select: { role: true } });
  if (existing) throw new AppError("CONFLICT", `${user.email} is already a member of this project (${existing.role}).`);
  const membership = await tx.membership.create({
    data: { userId: input.userId, projectId: input.projectId, role: input.role, environmentIds: scope.map((e) => e.id) },
  });
  await recordAudit(tx, {
    actor: actor === "self" ? { id: user.id, email: user.email } : actor,
    action: "membership.created",
    subjectType: "user",
    subjectId: user.id,
    projectId: input.projectId,
    after: { user: user.email, role: input.role, environments: scope.map((e) => e.name) },
  });
  return membership;
}
