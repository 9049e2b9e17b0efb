import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { autoDeployTargets } from "@/lib/workflow/policy";
import { checkTarget } from "@/lib/deploy/preflight";
import { producer, sendDeployJob } from "@/lib/jobs/queue";
import type { CurrentUser } from "@/lib/auth/roles";
import type { MigrationFile } from "@/lib/engine";
import { Prisma } from "@/lib/generated/prisma/client";
import { deployCheckContext } from "./deploy-policy";
import { environmentUrl, requestSourceMigrations } from "./projects";

export type AutoDeployOutcome = { environment: string; deploymentId: string | null; problem: string | null };

/**
 * Deploy on approval, where the environment's policy says so (typically dev).
 *
 * Attribution: the deploy is started by the approver whose approval completed the policy,
 * not by a system user: that approval is the decision that made it happen, and the worker's
 * preflight re-checks the policy with that approver as the actor (policy.ts lets an approver's
 * counting approval stand in for a deploy role only where the policy deploys on approval).
 * The audit event says `auto: true` so nobody mistakes it for a deploy they clicked.
 *
 * Runs after the approval committed; a refused or failed enqueue never undoes the approval,
 * it is reported back and logged.
 */
export async function autoDeployAfterApproval(approver: CurrentUser, requestId: string, approvalId: string): Promise<AutoDeployOutcome[]> {
  const request = await db().migrationRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { migrations: { orderBy: { position: "asc" } }, project: { include: { environments: { where: { removedAt: null }, orderBy: { position: "asc" }, include: { policy: true } } } } },
  });
  const candidates = request.project.environments.filter((e) => e.policy?.autoDeployOnApproval);
  if (!candidates.length) return [];
  const context = await deployCheckContext(request.id, approver);
  const inputs = candidates.map((e) => context.forEnvironment(e.id));
  const targets = autoDeployTargets(inputs);
  const outcomes: AutoDeployOutcome[] = [];
  for (const target of targets) {
    const environment = candidates.find((e) => e.id === target.id)!;
    const migrations: MigrationFile[] = request.migrations.map((m) => ({ name: m.name, sql: m.sql, checksum: m.checksum, downSql: m.downSql, verifySql: m.verifySql }));
    const checked = await checkTarget(environmentUrl(environment), environment.name, migrations, await requestSourceMigrations(request));
    if (!checked.ok) {
      outcomes.push({ environment: environment.name, deploymentId: null, problem: checked.problem });
      continue;
    }
    try {
      const deployment = await db().$transaction(async (tx) => {
        const created = await tx.deployment.create({ data: { requestId: request.id, environmentId: environment.id, startedById: approver.id, status: "queued" } });
        await recordAudit(tx, {
          actor: { id: approver.id, email: approver.email },
          action: "deployment.queued",
          subjectType: "deployment",
          subjectId: created.id,
          projectId: request.projectId,
          after: { environment: environment.name, migrations: migrations.map((m) => m.name), requestId: request.id, runAt: null },
          metadata: { auto: true, trigger: "approval", approvalId, policy: "autoDeployOnApproval" },
        });
        return created;
      });
      outcomes.push({ environment: environment.name, deploymentId: deployment.id, problem: null });
      await sendDeployJob(await producer(env().DATABASE_URL), deployment.id, null).catch((error: Error) =>
        console.error(`[sluice] auto-deploy ${deployment.id} queued, job not sent yet (a worker will pick it up): ${error.message}`),
      );
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        outcomes.push({ environment: environment.name, deploymentId: null, problem: `a deploy to ${environment.name} is already queued or running` });
        continue;
      }
      throw error;
    }
  }
  return outcomes;
}
