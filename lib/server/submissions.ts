import { EngineError, migrationStatus, type MigrationFile, type StatusReport } from "@/lib/engine";
import { db, type DbTransaction } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseErrorOf } from "@/lib/lint";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { MIGRATION_NAME_PATTERN } from "@/lib/schemas/request";
import { SUBMISSION_LIMITS, ZSubmission, type TSubmission, type TSubmissionResult } from "@/lib/schemas/submission";
import { invalidationReason, statusAfterEdit, approvalsToInvalidate, type RequestChange } from "@/lib/workflow/request-edit";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { environmentUrl, projectWithChain } from "./projects";
import { insertRequest, invalidateDecisions, joinedChecksums } from "./requests";
import { lintForReview, type ReviewLint } from "./request-lint";
import { normalizeSnapshotFiles, storeSnapshot } from "./snapshots";

/**
 * Pipeline submissions: CI uploads its Prisma migrations folder; Sluice keeps it as a snapshot
 * and puts the migrations the first environment has not applied yet into the open request of
 * that branch (updating it, or opening one), linted like any request.
 */

/** Statuses in which a branch's request is still open to new pushes (before any deploy starts). */
const OPEN_STATUSES: RequestStatus[] = ["draft", "in_review", "changes_requested", "approved"];

/** How long the first environment may take to show its `_prisma_migrations`: a pipeline must not hang on it. */
const HISTORY_TIMEOUT_MS = 15_000;

type Project = Awaited<ReturnType<typeof projectWithChain>>;
type Migration = MigrationFile;

export async function submitMigrations(actor: CurrentUser, raw: TSubmission): Promise<TSubmissionResult> {
  const input = ZSubmission.parse(raw);
  const found = await db().project.findUnique({ where: { slug: input.project }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", `No project "${input.project}".`);
  const project = await projectWithChain(found.id);
  await authorize(actor, project.id, "request.create");

  const files = await checkedFiles(input.files);
  const first = project.environments[0];
  if (!first) throw new AppError("CONFLICT", `Project ${project.slug} has no environment yet: add its first one (sluice env add) before submitting.`);
  const history = await historyOf(first, files);
  const modified = history.migrations.find((m) => m.state === "modified");
  if (modified) {
    throw new AppError(
      "BAD_INPUT",
      `${modified.name} was already applied on ${first.name} with another checksum; Prisma would refuse it too (modified after apply). Restore the applied file and put the change in a new migration.`,
      { migration: modified.name, environment: first.name, applied: modified.row?.checksum ?? null, uploaded: modified.checksum },
    );
  }
  const notApplied = new Set(history.migrations.filter((m) => m.inSource && m.state !== "applied").map((m) => m.name));
  const pending = files.filter((f) => notApplied.has(f.name));
  const review = pending.length ? await lintForReview(project, pending, files) : null;

  return db().$transaction(
    async (tx) => {
      // One submission per branch at a time: two pipeline runs racing must not open two requests.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sluice-submission:${project.id}:${input.branch ?? ""}`}))`;
      const snapshot = await recordUpload(tx, actor, project, { files, branch: input.branch ?? null, commit: input.commit ?? null });
      if (!review) {
        return {
          request: null,
          created: false,
          migrations: [],
          findings: [],
          invalidatedApprovals: 0,
          message: `Nothing to submit: ${files.length === 1 ? "the migration is" : `all ${files.length} migrations are`} already applied on ${first.name}.`,
        };
      }
      const submission: Submission = { ...input, branch: input.branch ?? null, commit: input.commit ?? null, snapshotId: snapshot.id, pending, review };
      const open = input.branch ? await openRequestOf(tx, project.id, input.branch) : null;
      return open ? updateOpenRequest(tx, actor, open, submission) : openRequest(tx, actor, project, submission);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

type Submission = {
  branch: string | null;
  commit: string | null;
  title?: string | null;
  description?: string | null;
  draft: boolean;
  snapshotId: string;
  pending: Migration[];
  review: ReviewLint;
};

/** Names, sizes and SQL of every uploaded file: the first problem is refused naming the file, before anything is stored. */
async function checkedFiles(files: TSubmission["files"]): Promise<Migration[]> {
  const seen = new Set<string>();
  let total = 0;
  for (const file of files) {
    if (!MIGRATION_NAME_PATTERN.test(file.name)) {
      throw new AppError("BAD_INPUT", `"${file.name}" is not a migration name Sluice accepts: letters, digits, _ . - and spaces, starting with a letter or digit, at most 200 characters.`, { migration: file.name });
    }
    if (seen.has(file.name)) throw new AppError("BAD_INPUT", `${file.name} is in the upload twice.`, { migration: file.name });
    seen.add(file.name);
    for (const [part, text] of parts(file)) {
      const bytes = Buffer.byteLength(text);
      if (bytes > SUBMISSION_LIMITS.fileBytes) throw new AppError("TOO_LARGE", `${file.name}/${part} is ${megabytes(bytes)}; a file may be at most ${megabytes(SUBMISSION_LIMITS.fileBytes)}.`, { migration: file.name, file: part });
      total += bytes;
    }
  }
  if (total > SUBMISSION_LIMITS.totalBytes) throw new AppError("TOO_LARGE", `The upload holds ${megabytes(total)} of SQL; at most ${megabytes(SUBMISSION_LIMITS.totalBytes)} are accepted.`);
  for (const file of files) {
    for (const [part, text] of parts(file)) {
      const error = await parseErrorOf(text);
      if (error) {
        throw new AppError("BAD_INPUT", `${file.name}/${part} does not parse: ${error.message} (line ${error.line}, column ${error.column}).`, { migration: file.name, file: part, parseError: error });
      }
    }
  }
  return normalizeSnapshotFiles(files);
}

function parts(file: TSubmission["files"][number]): [string, string][] {
  const out: [string, string][] = [["migration.sql", file.sql]];
  if (file.downSql) out.push(["down.sql", file.downSql]);
  if (file.verifySql) out.push(["verify.sql", file.verifySql]);
  return out;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/** The first environment's `_prisma_migrations` against the upload, read-only and bounded in time. */
async function historyOf(environment: Project["environments"][number], files: Migration[]): Promise<StatusReport> {
  const failure = (reason: string) =>
    new AppError("TARGET_FAILED", `Sluice could not read the migration history of ${environment.name}, the project's first environment: ${reason}`, { environment: environment.name });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(failure(`no answer within ${HISTORY_TIMEOUT_MS / 1000} s.`)), HISTORY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([migrationStatus({ url: environmentUrl(environment), migrations: files, applicationName: "sluice-submission" }), timeout]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // The engine names the target by its redacted URL; the environment's name says enough here.
    const message = error instanceof Error ? error.message.replace(/^Cannot connect to \S+: /, "") : String(error);
    throw failure(error instanceof EngineError ? message : `${message}.`);
  } finally {
    clearTimeout(timer);
  }
}

/** Keeps the upload as a snapshot; for a project fed by uploads it becomes the project's current source. */
async function recordUpload(tx: DbTransaction, actor: CurrentUser, project: Project, upload: { files: Migration[]; branch: string | null; commit: string | null }) {
  const { snapshot } = await storeSnapshot(tx, { projectId: project.id, origin: "upload", commit: upload.commit, branch: upload.branch, files: upload.files, createdById: actor.id });
  if (project.sourceKind === "upload" && project.currentSnapshotId !== snapshot.id) {
    await tx.project.update({ where: { id: project.id }, data: { currentSnapshotId: snapshot.id } });
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "project.uploaded",
      subjectType: "project",
      subjectId: project.id,
      projectId: project.id,
      before: { snapshotId: project.currentSnapshotId },
      after: { snapshotId: snapshot.id, branch: upload.branch, commit: upload.commit, migrations: upload.files.length, contentHash: snapshot.contentHash },
    });
  }
  return snapshot;
}

/** The branch's request still open to new pushes: under review or approved, and no deploy of it started. */
async function openRequestOf(tx: DbTransaction, projectId: string, branch: string) {
  const where = { projectId, branch, status: { in: OPEN_STATUSES }, deployments: { none: { status: { in: ["queued" as const, "running" as const, "succeeded" as const] } } } };
  const candidate = await tx.migrationRequest.findFirst({ where, orderBy: { number: "desc" }, select: { id: true } });
  if (!candidate) return null;
  // Locked, then read again: a reviewer's decision or an edit in the browser waits for this update, or wins before it.
  await tx.$executeRaw`SELECT 1 FROM "MigrationRequest" WHERE id = ${candidate.id} FOR UPDATE`;
  return tx.migrationRequest.findFirst({ where: { ...where, id: candidate.id }, include: { migrations: { orderBy: { position: "asc" } } } });
}

type OpenRequest = NonNullable<Awaited<ReturnType<typeof openRequestOf>>>;

/** "feature/x: 20260101_add_invoices and 2 more" — what a request from a pipeline is called unless the pipeline says. */
export function defaultTitle(branch: string | null, migrations: { name: string }[]): string {
  const more = migrations.length > 1 ? ` and ${migrations.length - 1} more` : "";
  const title = `${branch ? `${branch}: ` : ""}${migrations[0]?.name ?? "migrations"}${more}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

async function openRequest(tx: DbTransaction, actor: CurrentUser, project: Project, s: Submission): Promise<TSubmissionResult> {
  const request = await insertRequest(tx, actor, {
    projectId: project.id,
    title: s.title ?? defaultTitle(s.branch, s.pending),
    description: s.description ?? "",
    submit: !s.draft,
    riskLevel: s.review.riskLevel,
    lintHash: s.review.hash,
    migrations: s.pending.map((m) => ({ ...m, source: "folder" })),
    snapshotId: s.snapshotId,
    sourceCommit: s.commit,
    branch: s.branch,
  });
  const what = `${s.pending.length} migration${s.pending.length === 1 ? "" : "s"}`;
  return result(request, s, true, 0, `Opened request #${request.number} with ${what}${request.status === "draft" ? " as a draft" : " for review"}: ${requestUrl(request.number)}`);
}

/**
 * A new push to a branch whose request is still open: the request now holds the branch's
 * pending migrations. Changed SQL (or down/verify SQL, or a changed lint report) means the
 * standing decisions were about something else: they stop counting and the request goes back
 * to review, as when its requester edits it in the browser.
 */
async function updateOpenRequest(tx: DbTransaction, actor: CurrentUser, open: OpenRequest, s: Submission): Promise<TSubmissionResult> {
  await authorize(actor, open.projectId, "request.edit_own");
  if (open.requesterId !== actor.id) {
    const requester = await tx.user.findUnique({ where: { id: open.requesterId }, select: { email: true } });
    throw new AppError(
      "CONFLICT",
      `Request #${open.number} for branch ${s.branch} was opened by ${requester?.email ?? "someone else"}; only they can update it. Submit from their pipeline token, or close that request first.`,
      { request: open.number },
    );
  }
  const byName = new Map(open.migrations.map((m) => [m.name, m]));
  const sameSet = open.migrations.length === s.pending.length && s.pending.every((m) => byName.has(m.name));
  const sqlChanged = !sameSet || joinedChecksums(open.migrations) !== joinedChecksums(s.pending);
  const downChanged = s.pending.some((m) => (byName.get(m.name)?.downSql ?? null) !== (m.downSql ?? null));
  const verifyChanged = s.pending.some((m) => (byName.get(m.name)?.verifySql ?? null) !== (m.verifySql ?? null));
  const migrationsChanged = sqlChanged || downChanged || verifyChanged;
  const change: RequestChange = { sqlChanged, downSqlChanged: downChanged || verifyChanged, lintChanged: s.review.hash !== null && s.review.hash !== open.lintHash };
  const reason = !sqlChanged && !downChanged && verifyChanged ? "verify SQL changed" : invalidationReason(change);
  const status: RequestStatus = open.status === "draft" ? (s.draft ? "draft" : "in_review") : statusAfterEdit(open.status, change);
  // A title Sluice made follows the migrations; one a person wrote stays.
  const title = s.title ?? (open.title === defaultTitle(open.branch, open.migrations) ? defaultTitle(s.branch, s.pending) : open.title);
  const description = s.description ?? open.description;
  const lintHash = s.review.hash ?? open.lintHash;
  const unchanged =
    !migrationsChanged &&
    !change.lintChanged &&
    status === open.status &&
    title === open.title &&
    description === open.description &&
    s.review.riskLevel === open.riskLevel &&
    s.snapshotId === open.snapshotId &&
    s.commit === open.sourceCommit;
  if (unchanged) return result(open, s, false, 0, `Request #${open.number} already holds these migrations; nothing changed: ${requestUrl(open.number)}`);

  if (migrationsChanged) {
    await tx.requestMigration.deleteMany({ where: { requestId: open.id } });
    await tx.requestMigration.createMany({
      data: s.pending.map((m, position) => ({ requestId: open.id, position, name: m.name, sql: m.sql, downSql: m.downSql, verifySql: m.verifySql, checksum: m.checksum, source: "folder" })),
    });
  }
  const standing = reason ? await tx.approval.findMany({ where: { requestId: open.id, invalidatedAt: null } }) : [];
  const invalidated = reason ? await invalidateDecisions(tx, open, approvalsToInvalidate(standing, change), reason, auditActorOf(actor)) : 0;
  const submitted = open.status === "draft" && status === "in_review";
  const updated = await tx.migrationRequest.update({
    where: { id: open.id },
    data: {
      title,
      description,
      status,
      riskLevel: s.review.riskLevel,
      lintHash,
      snapshotId: s.snapshotId,
      sourceCommit: s.commit,
      ...(submitted ? { submittedAt: new Date() } : {}),
    },
  });
  const state = (r: { title: string; status: RequestStatus; sourceCommit: string | null; snapshotId: string | null }, ms: { name: string; checksum: string }[]) => ({
    title: r.title,
    status: r.status,
    sourceCommit: r.sourceCommit,
    snapshotId: r.snapshotId,
    migrations: ms.map((m) => ({ name: m.name, checksum: m.checksum })),
  });
  await recordAudit(tx, {
    actor: auditActorOf(actor),
    action: "request.updated",
    subjectType: "request",
    subjectId: open.id,
    projectId: open.projectId,
    before: state(open, open.migrations),
    after: { ...state(updated, s.pending), riskLevel: s.review.riskLevel },
    metadata: { via: "submission", branch: s.branch, ...(reason ? { invalidatedDecisions: invalidated, reason } : {}) },
  });
  if (submitted) {
    await recordAudit(tx, { actor: auditActorOf(actor), action: "request.submitted", subjectType: "request", subjectId: open.id, projectId: open.projectId, before: { status: "draft" }, after: { status } });
  }
  const dropped = invalidated ? ` ${invalidated} decision${invalidated === 1 ? " no longer counts" : "s no longer count"} (${reason}).` : "";
  return result(updated, s, false, invalidated, `Updated request #${updated.number} for branch ${s.branch}: ${s.pending.length} migration${s.pending.length === 1 ? "" : "s"}, ${status.replace("_", " ")}.${dropped} ${requestUrl(updated.number)}`);
}

function requestUrl(number: number): string {
  return `${publicUrl()}/requests/${number}`;
}

function result(
  request: { number: number; title: string; status: RequestStatus; riskLevel: string | null },
  s: Submission,
  created: boolean,
  invalidatedApprovals: number,
  message: string,
): TSubmissionResult {
  return {
    request: { number: request.number, title: request.title, status: request.status, riskLevel: request.riskLevel, url: requestUrl(request.number) },
    created,
    migrations: s.pending.map((m) => ({ name: m.name, checksum: m.checksum })),
    findings: s.review.lint.flatMap(({ name, report }) =>
      report.findings.filter((f) => !f.ignored).map((f) => ({ migration: name, rule: f.ruleId, severity: f.severity, line: f.line, message: f.message })),
    ),
    invalidatedApprovals,
    message,
  };
}
