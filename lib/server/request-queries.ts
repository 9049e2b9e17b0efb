import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { authorize, roleIn, type CurrentUser } from "@/lib/auth/roles";
import { migrationStatus } from "@/lib/engine";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { REQUEST_STATUSES } from "@/lib/schemas/request";
import { environmentUrl, projectsOf, requestSourceMigrations, sourceMigrations } from "./projects";
import { deployReadiness } from "./deploy-policy";
import { refreshRequestLint } from "./requests";
import { lintForReview } from "./request-lint";
import { approvalMismatch } from "@/lib/workflow/policy";
import { evaluateEdit } from "@/lib/workflow/request-edit";

export type RequestFilters = { status?: string; project?: string; requester?: string };

/** A filter from the URL: one string without NUL (which PostgreSQL refuses), else no filter. A repeated parameter arrives as an array. */
function urlFilter(value: unknown): string | undefined {
  return typeof value === "string" && !value.includes("\u0000") ? value : undefined;
}

/** Requests in the viewer's projects; `status` may list several, comma-separated. */
export async function listRequests(user: CurrentUser, raw: RequestFilters) {
  const filters = { status: urlFilter(raw.status), project: urlFilter(raw.project), requester: urlFilter(raw.requester) };
  const statuses = (filters.status ?? "").split(",").filter((s): s is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(s));
  const where: Prisma.MigrationRequestWhereInput = {
    project: { memberships: { some: { userId: user.id } }, ...(filters.project ? { slug: filters.project } : {}) },
    ...(statuses.length ? { status: { in: statuses } } : {}),
    ...(filters.requester ? { requester: { email: filters.requester } } : {}),
  };
  const [requests, projects, requesters] = await Promise.all([
    db().migrationRequest.findMany({
      where,
      orderBy: { number: "desc" },
      take: 200,
      include: {
        project: { select: { slug: true, name: true } },
        requester: { select: { name: true, email: true } },
        _count: { select: { migrations: true } },
        deployments: { where: { status: "succeeded" }, select: { environment: { select: { name: true } } } },
      },
    }),
    projectsOf(user.id),
    db().user.findMany({ where: { requests: { some: {} }, memberships: { some: { project: { memberships: { some: { userId: user.id } } } } } }, select: { email: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { requests, projects, requesters };
}

function loadDetail(number: number) {
  return db().migrationRequest.findUnique({
    where: { number },
    include: {
      project: { include: { environments: { where: { removedAt: null }, orderBy: { position: "asc" } } } },
      requester: { select: { id: true, name: true, email: true } },
      migrations: { orderBy: { position: "asc" } },
      approvals: { orderBy: { createdAt: "asc" }, include: { approver: { select: { name: true, email: true } } } },
      deployments: { orderBy: { createdAt: "desc" }, include: { environment: { select: { name: true } }, startedBy: { select: { name: true } } } },
    },
  });
}

/** Everything the request page shows, and what this viewer may do there. */
export async function requestDetail(user: CurrentUser, number: number) {
  let request = await loadDetail(number);
  if (!request) throw new AppError("NOT_FOUND", `There is no request #${number}.`);
  const role = await authorize(user, request.projectId, "history.read");

  const review = await lintForReview(request.project, request.migrations, await requestSourceMigrations(request));
  if (review.hash && review.hash !== request.lintHash) {
    // The report changed since it was recorded (a new finding, a table past a size threshold): decisions given on the old one stop counting.
    await refreshRequestLint(request.id, review);
    request = (await loadDetail(number))!;
  }
  const readiness = await deployReadiness(request.id, user);
  const checksums = request.migrations.map((m) => m.checksum).join(",");
  const isRequester = request.requesterId === user.id;
  const reviewable = ["in_review", "approved"].includes(request.status) && !isRequester;
  const started = request.deployments.filter((d) => ["queued", "running", "succeeded"].includes(d.status)).length;
  const policyRequest = { requesterId: request.requesterId, status: request.status, checksums, lintHash: request.lintHash };
  const approvals = request.approvals.map((a) => {
    const mismatch = approvalMismatch({ ...a, approverRole: null }, policyRequest, null);
    const why = a.invalidatedAt ? a.invalidatedReason ?? "invalidated" : mismatch;
    return { ...a, noLongerCounts: why ? { reason: why, since: a.invalidatedAt } : null };
  });
  const remaining = readiness.filter((r) => !request!.deployments.some((d) => d.environmentId === r.environmentId && d.status === "succeeded"));
  return {
    request: { ...request, approvals },
    role,
    lint: review.lint,
    lintHash: review.hash,
    readiness,
    checksums,
    /** In plain words, per environment not deployed yet (in chain order), what stands between the request and it. */
    remaining: remaining.map((r) => ({ environment: r.name, missing: r.missing })),
    viewer: {
      isRequester,
      mayApprove: reviewable && can(role, "request.approve"),
      mayReject: reviewable && can(role, "request.reject"),
      mayRequestChanges: reviewable && can(role, "request.request_changes"),
      maySubmit: isRequester && can(role, "request.edit_own") && ["draft", "changes_requested"].includes(request.status),
      mayEdit: can(role, "request.edit_own") && evaluateEdit({ requesterId: request.requesterId, status: request.status, deploymentsStarted: started }, user).allowed,
    },
  };
}

/**
 * Projects where the viewer may create requests, each with the folder migrations
 * still pending on at least one environment and not already in an open request.
 */
export async function newRequestOptions(user: CurrentUser) {
  const projects = await projectsOf(user.id);
  const result = [];
  for (const project of projects) {
    if (!can(await roleIn(user.id, project.id), "request.create")) continue;
    const source = await sourceMigrations(project);
    const statuses = await Promise.all(
      project.environments.map((env) => migrationStatus({ url: environmentUrl(env), migrations: source }).catch(() => null)),
    );
    const open = await db().requestMigration.findMany({
      where: { request: { projectId: project.id, status: { notIn: ["rejected", "cancelled", "deployed"] } } },
      select: { name: true, request: { select: { number: true } } },
    });
    const pending = source
      .filter((m) => statuses.some((s) => !s || s.pending.includes(m.name)))
      .map((m) => ({ name: m.name, hasDown: Boolean(m.downSql), openRequest: open.find((o) => o.name === m.name)?.request.number ?? null }));
    result.push({ id: project.id, name: project.name, slug: project.slug, pending });
  }
  return result;
}
