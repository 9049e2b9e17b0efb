import { checksumOf, type MigrationFile } from "@/lib/engine";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { evaluateDecision } from "@/lib/workflow/policy";
import { approvalsToInvalidate, evaluateEdit, invalidationReason, statusAfterEdit, type RequestChange } from "@/lib/workflow/request-edit";
import { ZCreateRequest, ZDecision, type TCreateRequest, type TDecision } from "@/lib/schemas/request";
import { ZUpdateRequest, type TUpdateRequest } from "@/lib/schemas/request-edit";
import { currentProjectSource, projectWithChain, requestSourceMigrations } from "./projects";
import { lintForReview, type ReviewLint } from "./request-lint";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbTransaction } from "@/lib/db";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { parseErrorOf } from "@/lib/lint";
import { autoDeployAfterApproval } from "./auto-deploy";

export function joinedChecksums(migrations: { checksum: string }[]): string {
  return migrations.map((m) => m.checksum).join(",");
}

/** Resolves the chosen folder migrations and the pasted one into what the request will hold. */
async function collectMigrations(input: ReturnType<typeof ZCreateRequest.parse>, source: MigrationFile[]) {
  const picked = input.folderMigrations.map((name) => {
    const found = source.find((m) => m.name === name);
    if (!found) throw new AppError("BAD_INPUT", `Migration "${name}" is not in the project's migrations folder.`);
    return { ...found, source: "folder" as const };
  });
  const migrations: (MigrationFile & { source: "folder" | "pasted" })[] = [...picked];
  if (input.pasted) {
    const { name, sql, downSql } = input.pasted;
    if (source.some((m) => m.name === name) || picked.some((m) => m.name === name)) {
      throw new AppError("BAD_INPUT", `A migration named "${name}" already exists in the project: choose another name.`);
    }
    const parseError = await parseErrorOf(sql);
    if (parseError) {
      throw new AppError("BAD_INPUT", `The SQL does not parse: ${parseError.message} (line ${parseError.line}, column ${parseError.column}).`, { parseError });
    }
    if (downSql) {
      const downError = await parseErrorOf(downSql);
      if (downError) throw new AppError("BAD_INPUT", `The down SQL does not parse: ${downError.message} (line ${downError.line}, column ${downError.column}).`);
    }
    migrations.push({ name, sql, downSql, verifySql: null, checksum: checksumOf(sql), source: "pasted" as const });
  }
  return migrations.sort((a, b) => a.name.localeCompare(b.name));
}

export async function createRequest(user: CurrentUser, raw: TCreateRequest) {
  const input = ZCreateRequest.parse(raw);
  const project = await projectWithChain(input.projectId);
  await authorize(user, project.id, "request.create");
  // A git or upload project's request pins the snapshot its migrations were picked from.
  const { files: source, snapshot } = await currentProjectSource(project);
  const migrations = await collectMigrations(input, source);

  const { riskLevel, hash: lintHash } = await lintForReview(project, migrations, source);

  return db().$transaction((tx) =>
    insertRequest(tx, user, {
      projectId: project.id,
      title: input.title,
      description: input.description,
      rollbackPlan: input.rollbackPlan,
      type: input.type,
      submit: input.submit,
      riskLevel,
      lintHash,
      migrations,
      snapshotId: snapshot?.id ?? null,
      sourceCommit: snapshot?.commit ?? null,
    }),
  );
}

export type NewRequest = {
  projectId: string;
  title: string;
  description?: string;
  rollbackPlan?: string;
  type?: "schema" | "data" | "performance";
  /** In review at once; false = a draft. */
  submit: boolean;
  riskLevel: ReviewLint["riskLevel"];
  lintHash: string | null;
  migrations: (MigrationFile & { source: string })[];
  /** Where the migrations came from: a git commit or a CI upload, and the branch a pipeline submitted from. */
  snapshotId?: string | null;
  sourceCommit?: string | null;
  branch?: string | null;
};

/**
 * Writes a new request with its migrations and audits its creation (and submission), inside the
 * caller's transaction: the one way a request comes to exist, from the form or from a pipeline.
 */
export async function insertRequest(tx: DbTransaction, user: CurrentUser, input: NewRequest) {
  const status = input.submit ? "in_review" : "draft";
  const request = await tx.migrationRequest.create({
    data: {
      projectId: input.projectId,
      title: input.title,
      description: input.description,
      rollbackPlan: input.rollbackPlan,
      type: input.type,
      status,
      riskLevel: input.riskLevel,
      lintHash: input.lintHash,
      requesterId: user.id,
      submittedAt: input.submit ? new Date() : null,
      snapshotId: input.snapshotId ?? null,
      sourceCommit: input.sourceCommit ?? null,
      branch: input.branch ?? null,
      migrations: {
        create: input.migrations.map((m, position) => ({
          position,
          name: m.name,
          sql: m.sql,
          downSql: m.downSql,
          verifySql: m.verifySql,
          checksum: m.checksum,
          source: m.source,
        })),
      },
    },
  });
  const after = {
    status,
    title: request.title,
    riskLevel: input.riskLevel,
    migrations: input.migrations.map((m) => ({ name: m.name, checksum: m.checksum })),
    ...(input.branch ? { branch: input.branch } : {}),
    ...(input.sourceCommit ? { sourceCommit: input.sourceCommit } : {}),
  };
  await recordAudit(tx, { actor: auditActorOf(user), action: "request.created", subjectType: "request", subjectId: request.id, projectId: input.projectId, after });
  if (input.submit) {
    await recordAudit(tx, { actor: auditActorOf(user), action: "request.submitted", subjectType: "request", subjectId: request.id, projectId: input.projectId, before: { status: "draft" }, after: { status } });
  }
  return request;
}

async function loadRequest(requestId: string) {
  const request = await db().migrationRequest.findUnique({
    where: { id: requestId },
    include: { migrations: { orderBy: { position: "asc" } } },
  });
  if (!request) throw new AppError("NOT_FOUND", "No such request.");
  return request;
}

export async function submitRequest(user: CurrentUser, requestId: string) {
  const request = await loadRequest(requestId);
  await authorize(user, request.projectId, "request.edit_own");
  if (request.requesterId !== user.id) throw new AppError("FORBIDDEN", "Only the requester can submit this request.");
  if (!["draft", "changes_requested"].includes(request.status)) throw new AppError("CONFLICT", `The request is ${request.status}; only drafts can be submitted.`);
  await db().$transaction(async (tx) => {
    await tx.migrationRequest.update({ where: { id: request.id }, data: { status: "in_review", submittedAt: new Date() } });
    await recordAudit(tx, { actor: auditActorOf(user), action: "request.submitted", subjectType: "request", subjectId: request.id, projectId: request.projectId, before: { status: request.status }, after: { status: "in_review" } });
  });
}

const DECISION_ACTION = {
  approved: { permission: "request.approve", audit: "request.approved", status: "approved" },
  rejected: { permission: "request.reject", audit: "request.rejected", status: "rejected" },
  changes_requested: { permission: "request.request_changes", audit: "request.changes_requested", status: "changes_requested" },
} as const;

/**
 * Approve, reject or ask for changes. The decision is bound to the request's current checksums
 * and to the lint report as it stands now (re-linted here, so a finding that appeared since the
 * last look is caught). `seenLintHash`, when the page sends it, must be that report: a reviewer
 * never approves findings they were not shown.
 */
export async function decideRequest(user: CurrentUser, raw: TDecision, options: { seenLintHash?: string | null } = {}) {
  const input = ZDecision.parse(raw);
  const { permission, audit, status } = DECISION_ACTION[input.decision];
  const request = await loadRequest(input.requestId);
  await authorize(user, request.projectId, permission);
  const checksums = joinedChecksums(request.migrations);
  const verdict = evaluateDecision({ requesterId: request.requesterId, status: request.status, checksums }, user);
  if (!verdict.allowed) throw new AppError("POLICY_DENIED", `Refused: ${verdict.reasons.join("; ")}.`);
  if (input.decision !== "approved" && !input.comment) {
    throw new AppError("BAD_INPUT", "Say why in a comment when rejecting or asking for changes.");
  }
  const project = await projectWithChain(request.projectId);
  const environmentId = await decisionEnvironment(user, project, input.environmentId ?? null);
  const review = await lintForReview(project, request.migrations, await requestSourceMigrations({ snapshotId: request.snapshotId, project }));
  if (options.seenLintHash && review.hash && options.seenLintHash !== review.hash) {
    throw new AppError("CONFLICT", "The lint report changed since you opened the request: reload it and review the new findings.");
  }

  const approval = await db().$transaction(async (tx) => {
    // Re-read under a row lock: two reviewers deciding at once must not both see the old status.
    await tx.$executeRaw`SELECT 1 FROM "MigrationRequest" WHERE id = ${request.id} FOR UPDATE`;
    const current = await tx.migrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    if (current.status !== request.status) throw new AppError("CONFLICT", "The request changed while you were deciding; reload and try again.");
    await recordLintChange(tx, current, review, { id: null, email: "sluice-linter" });
    const lintHash = review.hash ?? current.lintHash;
    const approval = await tx.approval.create({
      data: { requestId: request.id, approverId: user.id, environmentId, decision: input.decision, comment: input.comment, checksums, lintHash },
    });
    await tx.migrationRequest.update({ where: { id: request.id }, data: { status } });
    const environment = project.environments.find((e) => e.id === environmentId)?.name ?? null;
    const after: Prisma.InputJsonValue = { status, decision: input.decision, comment: input.comment, checksums, lintHash, approvalId: approval.id, environment };
    await recordAudit(tx, { actor: auditActorOf(user), action: audit, subjectType: "request", subjectId: request.id, projectId: request.projectId, before: { status: request.status }, after });
    return approval;
  });
  const autoDeploys = input.decision === "approved" ? await autoDeployAfterApproval(user, request.id, approval.id).catch((error: Error) => {
    console.error(`[sluice] auto-deploy after approval ${approval.id} failed: ${error.message}`);
    return [];
  }) : [];
  return { approval, autoDeploys };
}

/**
 * The environment a decision is bound to: the one asked for, which must belong to the project
 * and lie within the approver's scope; none asked = every environment of their scope.
 */
async function decisionEnvironment(user: CurrentUser, project: { id: string; environments: { id: string; name: string }[] }, environmentId: string | null): Promise<string | null> {
  const membership = await db().membership.findUnique({ where: { userId_projectId: { userId: user.id, projectId: project.id } }, select: { environmentIds: true } });
  const scope = membership?.environmentIds ?? [];
  if (environmentId === null) {
    if (scope.length > 0 && !project.environments.some((e) => scope.includes(e.id))) throw new AppError("FORBIDDEN", "Your approver scope covers none of this project's environments.");
    return null;
  }
  const environment = project.environments.find((e) => e.id === environmentId);
  if (!environment) throw new AppError("BAD_INPUT", "environmentId: no such environment in this project.");
  if (scope.length > 0 && !scope.includes(environmentId)) {
    const names = project.environments.filter((e) => scope.includes(e.id)).map((e) => e.name);
    throw new AppError("FORBIDDEN", `You approve only for ${names.join(", ") || "no environment"} in this project, not ${environment.name}.`);
  }
  return environmentId;
}

/** Statuses in which standing decisions are live and a change of the lint report invalidates them. */
const UNDER_REVIEW: RequestStatus[] = ["in_review", "changes_requested", "approved"];

/**
 * Records a new lint report: when it differs from the one decisions were given on, those
 * decisions stop counting (audited, with why) and an approved request goes back to review.
 * An unsized report (hash null) changes nothing.
 */
async function recordLintChange(
  tx: DbTransaction,
  request: { id: string; projectId: string; status: RequestStatus; lintHash: string | null },
  review: ReviewLint,
  actor: { id: string | null; email: string },
) {
  if (!review.hash || review.hash === request.lintHash) return;
  // Once a deploy runs or the request is closed, its report is history: decisions are not reopened.
  if (request.status !== "draft" && !UNDER_REVIEW.includes(request.status)) return;
  const change: RequestChange = { sqlChanged: false, lintChanged: request.lintHash !== null };
  if (request.status !== "draft" && change.lintChanged) {
    const standing = await tx.approval.findMany({ where: { requestId: request.id, invalidatedAt: null } });
    const invalidated = await invalidateDecisions(tx, request, approvalsToInvalidate(standing, change), invalidationReason(change)!, actor);
    if (invalidated && request.status === "approved") {
      await tx.migrationRequest.update({ where: { id: request.id }, data: { status: "in_review" } });
      await recordAudit(tx, { actor, action: "request.updated", subjectType: "request", subjectId: request.id, projectId: request.projectId, before: { status: request.status, lintHash: request.lintHash }, after: { status: "in_review", lintHash: review.hash, reason: "new lint findings" } });
    }
  }
  await tx.migrationRequest.update({ where: { id: request.id }, data: { lintHash: review.hash, riskLevel: review.riskLevel } });
}

/** Marks these decisions as no longer counting, each audited with why; returns how many stopped counting. */
export async function invalidateDecisions(
  tx: DbTransaction,
  request: { id: string; projectId: string },
  approvals: { id: string; approverId: string; decision: string }[],
  reason: string,
  actor: { id: string | null; email: string },
): Promise<number> {
  const now = new Date();
  let count = 0;
  for (const approval of approvals) {
    const updated = await tx.approval.updateMany({ where: { id: approval.id, invalidatedAt: null }, data: { invalidatedAt: now, invalidatedReason: reason } });
    if (!updated.count) continue;
    count += 1;
    await recordAudit(tx, {
      actor,
      action: "approval.invalidated",
      subjectType: "request",
      subjectId: request.id,
      projectId: request.projectId,
      before: { approvalId: approval.id, decision: approval.decision, approverId: approval.approverId, invalidatedAt: null },
      after: { approvalId: approval.id, invalidatedAt: now.toISOString(), reason },
    });
  }
  return count;
}

/**
 * After the request page linted the request: if the report changed since decisions were given
 * (a new finding, a table that grew past a threshold), record it so those decisions stop counting.
 */
export async function refreshRequestLint(requestId: string, review: ReviewLint) {
  if (!review.hash) return;
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "MigrationRequest" WHERE id = ${requestId} FOR UPDATE`;
    const current = await tx.migrationRequest.findUniqueOrThrow({ where: { id: requestId } });
    await recordLintChange(tx, current, review, { id: null, email: "sluice-linter" });
  });
}

/**
 * The requester edits their own request (title, description, rollback plan, the SQL and down
 * SQL of pasted migrations) until a deploy starts. A change of SQL or of the lint report
 * invalidates every standing decision in the same transaction, audited, and sends the request
 * back to review.
 */
export async function updateRequest(user: CurrentUser, raw: TUpdateRequest) {
  const input = ZUpdateRequest.parse(raw);
  const request = await loadRequest(input.requestId);
  await authorize(user, request.projectId, "request.edit_own");
  const started = await db().deployment.count({ where: { requestId: request.id, status: { in: ["queued", "running", "succeeded"] } } });
  const verdict = evaluateEdit({ requesterId: request.requesterId, status: request.status, deploymentsStarted: started }, user);
  if (!verdict.allowed) throw new AppError(request.requesterId === user.id ? "CONFLICT" : "FORBIDDEN", `Refused: ${verdict.reasons.join("; ")}.`);

  const edited = request.migrations.map((m) => ({ ...m }));
  for (const edit of input.migrations) {
    const migration = edited.find((m) => m.name === edit.name);
    if (!migration) throw new AppError("BAD_INPUT", `The request has no migration named "${edit.name}".`);
    if (migration.source !== "pasted" && (edit.sql !== migration.sql || edit.downSql !== migration.downSql)) {
      throw new AppError("BAD_INPUT", `"${edit.name}" comes from the project's migrations folder: change it in the repository, not here.`);
    }
    const parseError = await parseErrorOf(edit.sql);
    if (parseError) throw new AppError("BAD_INPUT", `The SQL of ${edit.name} does not parse: ${parseError.message} (line ${parseError.line}, column ${parseError.column}).`, { parseError });
    if (edit.downSql) {
      const downError = await parseErrorOf(edit.downSql);
      if (downError) throw new AppError("BAD_INPUT", `The down SQL of ${edit.name} does not parse: ${downError.message} (line ${downError.line}, column ${downError.column}).`);
    }
    Object.assign(migration, { sql: edit.sql, downSql: edit.downSql, checksum: checksumOf(edit.sql) });
  }
  const project = await projectWithChain(request.projectId);
  const review = await lintForReview(project, edited, await requestSourceMigrations({ snapshotId: request.snapshotId, project }));
  const change: RequestChange = {
    sqlChanged: edited.some((m, i) => m.checksum !== request.migrations[i].checksum),
    downSqlChanged: edited.some((m, i) => (m.downSql ?? null) !== (request.migrations[i].downSql ?? null)),
    lintChanged: review.hash !== null && review.hash !== request.lintHash,
  };
  const status = statusAfterEdit(request.status, change);
  const reason = invalidationReason(change);

  const invalidated = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "MigrationRequest" WHERE id = ${request.id} FOR UPDATE`;
    const current = await tx.migrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    if (current.status !== request.status || current.updatedAt.getTime() !== request.updatedAt.getTime()) {
      throw new AppError("CONFLICT", "The request changed while you were editing it; reload and try again.");
    }
    for (const m of edited) {
      await tx.requestMigration.update({ where: { id: m.id }, data: { sql: m.sql, downSql: m.downSql, checksum: m.checksum } });
    }
    const standing = await tx.approval.findMany({ where: { requestId: request.id, invalidatedAt: null } });
    const invalidated = reason ? await invalidateDecisions(tx, request, approvalsToInvalidate(standing, change), reason, auditActorOf(user)) : 0;
    await tx.migrationRequest.update({
      where: { id: request.id },
      data: {
        title: input.title,
        description: input.description,
        ...(input.rollbackPlan !== undefined ? { rollbackPlan: input.rollbackPlan } : {}),
        status,
        riskLevel: review.riskLevel,
        lintHash: review.hash ?? current.lintHash,
      },
    });
    const snapshot = (r: { title: string; description: string; status: RequestStatus }, ms: { name: string; checksum: string }[]) => ({
      title: r.title,
      description: r.description,
      status: r.status,
      migrations: ms.map((m) => ({ name: m.name, checksum: m.checksum })),
    });
    await recordAudit(tx, {
      actor: auditActorOf(user),
      action: "request.updated",
      subjectType: "request",
      subjectId: request.id,
      projectId: request.projectId,
      before: snapshot(request, request.migrations),
      after: { ...snapshot({ title: input.title, description: input.description, status }, edited), riskLevel: review.riskLevel },
      metadata: reason ? { invalidatedDecisions: invalidated, reason } : null,
    });
    return invalidated;
  });
  return { status, invalidated };
}
