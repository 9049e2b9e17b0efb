import { checksumOf, type MigrationFile } from "@/lib/engine";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { evaluateDecision } from "@/lib/workflow/policy";
import { ZCreateRequest, ZDecision, type TCreateRequest, type TDecision } from "@/lib/schemas/request";
import { environmentUrl, projectWithChain, sourceMigrations } from "./projects";
import { lintRequestMigrations, worstRisk } from "./request-lint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseErrorOf } from "@/lib/lint";

export function joinedChecksums(migrations: { checksum: string }[]): string {
  return migrations.map((m) => m.checksum).join(",");
}

function actorOf(user: CurrentUser) {
  return { id: user.id, email: user.email };
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
  const source = await sourceMigrations(project);
  const migrations = await collectMigrations(input, source);

  const largest = project.environments.at(-1);
  const lint = await lintRequestMigrations(migrations, source, {
    tenantKey: project.tenantKey,
    sizingUrl: largest ? environmentUrl(largest) : null,
  });
  const riskLevel = worstRisk(lint.map((l) => l.report.riskLevel));
  const status = input.submit ? "in_review" : "draft";

  return db().$transaction(async (tx) => {
    const request = await tx.migrationRequest.create({
      data: {
        projectId: project.id,
        title: input.title,
        description: input.description,
        rollbackPlan: input.rollbackPlan,
        type: input.type,
        status,
        riskLevel,
        requesterId: user.id,
        submittedAt: input.submit ? new Date() : null,
        migrations: {
          create: migrations.map((m, position) => ({
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
    const after = { status, title: request.title, riskLevel, migrations: migrations.map((m) => ({ name: m.name, checksum: m.checksum })) };
    await recordAudit(tx, { actor: actorOf(user), action: "request.created", subjectType: "request", subjectId: request.id, projectId: project.id, after });
    if (input.submit) {
      await recordAudit(tx, { actor: actorOf(user), action: "request.submitted", subjectType: "request", subjectId: request.id, projectId: project.id, before: { status: "draft" }, after: { status } });
    }
    return request;
  });
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
    await recordAudit(tx, { actor: actorOf(user), action: "request.submitted", subjectType: "request", subjectId: request.id, projectId: request.projectId, before: { status: request.status }, after: { status: "in_review" } });
  });
}

const DECISION_ACTION = {
  approved: { permission: "request.approve", audit: "request.approved", status: "approved" },
  rejected: { permission: "request.reject", audit: "request.rejected", status: "rejected" },
  changes_requested: { permission: "request.request_changes", audit: "request.changes_requested", status: "changes_requested" },
} as const;

/** Approve, reject or ask for changes; the decision is bound to the request's current checksums. */
export async function decideRequest(user: CurrentUser, raw: TDecision) {
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

  return db().$transaction(async (tx) => {
    // Re-read under a row lock: two reviewers deciding at once must not both see the old status.
    await tx.$executeRaw`SELECT 1 FROM "MigrationRequest" WHERE id = ${request.id} FOR UPDATE`;
    const current = await tx.migrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    if (current.status !== request.status) throw new AppError("CONFLICT", "The request changed while you were deciding; reload and try again.");
    const approval = await tx.approval.create({
      data: { requestId: request.id, approverId: user.id, decision: input.decision, comment: input.comment, checksums },
    });
    await tx.migrationRequest.update({ where: { id: request.id }, data: { status } });
    const after: Prisma.InputJsonValue = { status, decision: input.decision, comment: input.comment, checksums, approvalId: approval.id };
    await recordAudit(tx, { actor: actorOf(user), action: audit, subjectType: "request", subjectId: request.id, projectId: request.projectId, before: { status: request.status }, after });
    return approval;
  });
}
