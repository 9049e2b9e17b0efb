import { db } from "@/lib/db";
import { migrationStatus, type MigrationFile } from "@/lib/engine";
import { environmentUrl, requestSourceMigrations } from "./projects";
import { earlierFolderMigrations, targetProblem } from "@/lib/deploy/preflight";
import { roleIn } from "@/lib/auth/roles";
import { denyByDefaultPolicy } from "@/lib/workflow/default-policy";
import { policyFromStored } from "@/lib/workflow/stored-policy";
import { evaluateDeploy, missingForDeploy } from "@/lib/workflow/policy";
import type { DeployCheckInput } from "@/lib/workflow/types";
import { joinedChecksums } from "./requests";

/**
 * Loads, once, what the pure policy functions need about a request; `forEnvironment` builds
 * the input for one of its environments, so checking every environment costs one read.
 */
export async function deployCheckContext(requestId: string, actor: { id: string }) {
  const request = await db().migrationRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: {
      migrations: { orderBy: { position: "asc" }, select: { checksum: true } },
      approvals: true,
      deployments: { select: { environmentId: true, status: true } },
      project: { include: { environments: { where: { removedAt: null }, orderBy: { position: "asc" }, include: { policy: true } } } },
    },
  });
  const chain = request.project.environments.map(({ id, name, position }) => ({ id, name, position }));
  // Roles as they stand now: a deactivated approver, or one who left the project, no longer counts.
  const approverMemberships = await db().membership.findMany({
    where: { projectId: request.projectId, userId: { in: [...new Set(request.approvals.map((a) => a.approverId))] }, user: { deactivatedAt: null } },
    select: { userId: true, role: true, environmentIds: true },
  });
  const actorRole = await roleIn(actor.id, request.projectId);
  const approvals = request.approvals.map((a) => ({
    approverId: a.approverId,
    approverRole: approverMemberships.find((m) => m.userId === a.approverId)?.role ?? null,
    approverEnvironmentIds: approverMemberships.find((m) => m.userId === a.approverId)?.environmentIds ?? [],
    decision: a.decision,
    environmentId: a.environmentId,
    checksums: a.checksums,
    lintHash: a.lintHash,
    invalidatedAt: a.invalidatedAt,
  }));
  return {
    forEnvironment(environmentId: string): DeployCheckInput {
      const environment = chain.find((e) => e.id === environmentId);
      if (!environment) throw new Error("environment does not belong to the request's project");
      const stored = request.project.environments.find((e) => e.id === environmentId)?.policy ?? null;
      return {
        request: { requesterId: request.requesterId, status: request.status, checksums: joinedChecksums(request.migrations), riskLevel: request.riskLevel, lintHash: request.lintHash },
        environment,
        chain,
        // Deny by default: without a stored policy only an admin's break-glass deploys here.
        policy: stored ? policyFromStored(stored) : denyByDefaultPolicy(),
        approvals,
        deployments: request.deployments,
        actor: { id: actor.id, role: actorRole },
      };
    },
  };
}

/** What the pure policy functions need about a request and one of its environments. */
export async function deployCheckInput(requestId: string, environmentId: string, actor: { id: string }): Promise<DeployCheckInput> {
  return (await deployCheckContext(requestId, actor)).forEnvironment(environmentId);
}

export type EnvironmentReadiness = {
  environmentId: string;
  name: string;
  missing: string[];
  mayDeploy: boolean;
  /** A queued or running deploy of this request here: the page follows it live, also after a reload. */
  activeDeploymentId: string | null;
};

/** For the request page: per environment, what is missing and whether this viewer may deploy now. */
export async function deployReadiness(requestId: string, viewer: { id: string }): Promise<EnvironmentReadiness[]> {
  const request = await db().migrationRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      snapshotId: true,
      migrations: { orderBy: { position: "asc" }, select: { name: true, sql: true, checksum: true, downSql: true, verifySql: true } },
      project: { select: { migrationsPath: true, sourceKind: true, currentSnapshotId: true, environments: { where: { removedAt: null }, orderBy: { position: "asc" }, select: { id: true, name: true, databaseUrlEncrypted: true, sslRootCertEncrypted: true } } } },
    },
  });
  const context = await deployCheckContext(requestId, viewer);
  const source = await requestSourceMigrations(request);
  return Promise.all(
    request.project.environments.map(async (env) => {
      const input = context.forEnvironment(env.id);
      const active = await db().deployment.findFirst({ where: { requestId, environmentId: env.id, status: { in: ["queued", "running"] } }, select: { id: true } });
      const blocked = active ? null : await targetBlocker(env, request.migrations, source);
      const missing = blocked ? [...missingForDeploy(input), blocked] : missingForDeploy(input);
      return { environmentId: env.id, name: env.name, missing, mayDeploy: evaluateDeploy(input).allowed && !active && !blocked, activeDeploymentId: active?.id ?? null };
    }),
  );
}

/**
 * What the target itself would refuse, by the same rules as the deploy's preflight: a failed
 * migration (Prisma's P3009) or an earlier folder migration still pending there. The button
 * should not pretend otherwise. An unreachable target is left to the preflight to report.
 */
async function targetBlocker(environment: { id: string; name: string; databaseUrlEncrypted: string; sslRootCertEncrypted: string | null }, requested: MigrationFile[], source: MigrationFile[]): Promise<string | null> {
  const earlier = earlierFolderMigrations(requested, source);
  try {
    const status = await migrationStatus({ url: environmentUrl(environment), migrations: [...earlier, ...requested], applicationName: "sluice-readiness" });
    return targetProblem(status, environment.name, earlier);
  } catch {
    return null;
  }
}
