import { deployMigrations, isEngineError, migrationStatus, type EngineEvent, type MigrationFile } from "@/lib/engine";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/session";
import { evaluateDeploy } from "@/lib/workflow/policy";
import { ZDeploy, type TDeploy } from "@/lib/schemas/request";
import { deployCheckInput } from "./deploy-policy";
import { environmentUrl, sourceMigrations } from "./projects";
import { Prisma } from "@/lib/generated/prisma/client";

const UNIQUE_VIOLATION = "P2002";

function formatEvent(event: EngineEvent): string {
  const took = event.durationMs != null ? ` (${event.durationMs} ms)` : "";
  return `${event.at.toISOString()} ${event.message}${took}`;
}

/**
 * Starts a deploy of a request to one environment and runs it to the end.
 * Authorization and policy are checked here on the server, then again as a
 * state guard inside the transaction that creates the deployment; the partial
 * unique index on Deployment refuses a second active deploy to the same target.
 */
export async function deployRequest(user: CurrentUser, raw: TDeploy) {
  const input = ZDeploy.parse(raw);
  const request = await db().migrationRequest.findUnique({
    where: { id: input.requestId },
    include: { migrations: { orderBy: { position: "asc" } }, project: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "No such request.");
  const environment = await db().environment.findFirst({ where: { id: input.environmentId, projectId: request.projectId } });
  if (!environment) throw new AppError("NOT_FOUND", "No such environment in this project.");
  await authorize(user, request.projectId, environment.position === 0 ? "deploy.start_dev" : "deploy.start");

  const verdict = evaluateDeploy(await deployCheckInput(request.id, environment.id, user));
  if (!verdict.allowed) {
    await db().$transaction((tx) =>
      recordAudit(tx, {
        actor: { id: user.id, email: user.email },
        action: "deployment.refused",
        subjectType: "request",
        subjectId: request.id,
        projectId: request.projectId,
        metadata: { environment: environment.name, reasons: verdict.reasons },
      }),
    );
    throw new AppError("POLICY_DENIED", `Deploy to ${environment.name} refused: ${verdict.reasons.join("; ")}.`);
  }

  const migrations: MigrationFile[] = request.migrations.map((m) => ({ name: m.name, sql: m.sql, checksum: m.checksum, downSql: m.downSql, verifySql: m.verifySql }));
  const url = environmentUrl(environment);
  await refuseOutOfOrder(request.project, migrations, url, environment.name);

  let deployment;
  try {
    deployment = await db().$transaction(async (tx) => {
      const created = await tx.deployment.create({
        data: { requestId: request.id, environmentId: environment.id, startedById: user.id, status: "running", startedAt: new Date() },
      });
      await tx.migrationRequest.update({ where: { id: request.id }, data: { status: "deploying" } });
      await recordAudit(tx, {
        actor: { id: user.id, email: user.email },
        action: "deployment.started",
        subjectType: "deployment",
        subjectId: created.id,
        projectId: request.projectId,
        before: { requestStatus: request.status },
        after: { environment: environment.name, migrations: migrations.map((m) => m.name), requestId: request.id },
      });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === UNIQUE_VIOLATION) {
      throw new AppError("CONFLICT", `A deploy to ${environment.name} is already running. Wait for it to finish.`);
    }
    throw error;
  }

  return runDeployment({ deploymentId: deployment.id, requestStatusBefore: request.status, url, migrations, user, environment, request });
}

/**
 * A migration earlier in the project's folder that is still pending on the target
 * would be skipped by applying only this request's migrations: refuse instead of
 * leaving the target in an order no folder describes.
 */
async function refuseOutOfOrder(project: { migrationsPath: string }, migrations: MigrationFile[], url: string, environmentName: string) {
  const source = await sourceMigrations(project);
  const first = migrations[0]?.name;
  const earlier = source.filter((s) => first && s.name.localeCompare(first) < 0 && !migrations.some((m) => m.name === s.name));
  if (!earlier.length) return;
  let status;
  try {
    status = await migrationStatus({ url, migrations: earlier });
  } catch (error) {
    throw new AppError("TARGET_FAILED", `Cannot read ${environmentName}'s migration history: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (status.pending.length) {
    throw new AppError("CONFLICT", `${environmentName} has earlier migrations not applied yet: ${status.pending.join(", ")}. Deploy those first.`);
  }
}

type RunInput = {
  deploymentId: string;
  requestStatusBefore: string;
  url: string;
  migrations: MigrationFile[];
  user: CurrentUser;
  environment: { id: string; name: string; position: number; projectId: string };
  request: { id: string; projectId: string };
};

async function runDeployment(input: RunInput) {
  const log: string[] = [];
  let status: "succeeded" | "failed" = "failed";
  let errorText: string | null = null;
  let applied: string[] = [];
  try {
    const report = await deployMigrations({
      url: input.url,
      migrations: input.migrations,
      applicationName: `sluice-deploy-${input.deploymentId}`,
      onEvent: (event) => log.push(formatEvent(event)),
    });
    applied = report.applied.map((a) => a.name);
    if (report.ok) {
      status = "succeeded";
      if (!report.applied.length) log.push(`Nothing to apply: ${report.alreadyApplied.join(", ")} already applied on ${input.environment.name}.`);
    } else if (report.failure) {
      const f = report.failure;
      const where = f.error?.context?.map((c) => `${String(c.line).padStart(4)} | ${c.text}`).join("\n");
      errorText = [
        `${f.migration} failed: ${f.message}`,
        f.error?.sqlstate ? `SQLSTATE ${f.error.sqlstate}` : null,
        where ? `\n${where}` : null,
        report.notRun.length ? `Not run: ${report.notRun.join(", ")}` : null,
        applied.length ? `Applied before the failure: ${applied.join(", ")}` : "Nothing from this request was applied.",
      ]
        .filter(Boolean)
        .join("\n");
    }
  } catch (error) {
    errorText = isEngineError(error) ? `${error.code}: ${error.message}` : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (errorText) log.push(errorText);

  const lastInChain = await db().environment.count({ where: { projectId: input.environment.projectId, position: { gt: input.environment.position } } });
  const requestStatus = status === "failed" ? "failed" : lastInChain === 0 ? "deployed" : "approved";
  return db().$transaction(async (tx) => {
    const finished = await tx.deployment.update({
      where: { id: input.deploymentId },
      data: { status, finishedAt: new Date(), log: log.join("\n"), error: errorText, appliedMigrations: applied },
    });
    await tx.migrationRequest.update({ where: { id: input.request.id }, data: { status: requestStatus } });
    await recordAudit(tx, {
      actor: { id: input.user.id, email: input.user.email },
      action: status === "succeeded" ? "deployment.succeeded" : "deployment.failed",
      subjectType: "deployment",
      subjectId: input.deploymentId,
      projectId: input.request.projectId,
      before: { status: "running", requestStatus: "deploying" },
      after: { status, requestStatus, environment: input.environment.name, applied, error: errorText },
    });
    return finished;
  });
}
