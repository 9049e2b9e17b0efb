import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { decryptSecret } from "@/lib/server/secrets";
import { forgetCaCertificateFiles } from "./ca-certificate";
import { liveChain, lockChain, placeChain } from "./chain";
import { auditFacts } from "./view";

export type RemovedEnvironment = {
  removed: true;
  /** True when it had deployments, approvals or approver scopes: kept out of the chain, its history intact. */
  archived: boolean;
};

function readableUrl(sealed: string): string | null {
  try {
    return decryptSecret(sealed);
  } catch {
    return null;
  }
}

/**
 * Takes an environment out of the chain. Refused while a deploy there is queued or running.
 * One with deployments, approvals or a place in an approver scope is archived (removedAt), so
 * history keeps showing its deploys under its name, and neither an approval given for it nor
 * a scope naming it turns into one for every environment (deleting would set the approval's
 * environment to NULL); one without any of these is deleted with its policy. The rest of the
 * chain closes up (positions 0, 1, 2 …).
 */
export async function removeEnvironment(actor: CurrentUser, environmentId: string): Promise<RemovedEnvironment> {
  const environment = await db().environment.findFirst({ where: { id: environmentId, removedAt: null } });
  if (!environment) throw new AppError("NOT_FOUND", "No such environment.");
  await authorize(actor, environment.projectId, "settings.manage");

  const archived = await db().$transaction(async (tx) => {
    await lockChain(tx, environment.projectId);
    // Row lock: a deploy being queued here right now (its foreign key check) waits for this decision.
    await tx.$executeRaw`SELECT 1 FROM "Environment" WHERE id = ${environmentId} FOR UPDATE`;
    const active = await tx.deployment.count({ where: { environmentId, status: { in: ["queued", "running"] } } });
    if (active > 0) {
      throw new AppError(
        "CONFLICT",
        `A deploy to ${environment.name} is queued or running: wait for it to finish (or stop or cancel it), then remove the environment.`,
      );
    }
    const deployments = await tx.deployment.count({ where: { environmentId } });
    const approvals = await tx.approval.count({ where: { environmentId } });
    // An approver scope naming it must keep naming something: an empty scope would mean "every environment".
    const scopes =
      (await tx.membership.count({ where: { environmentIds: { has: environmentId } } })) +
      (await tx.invitation.count({ where: { environmentIds: { has: environmentId }, acceptedAt: null, revokedAt: null } }));
    const keep = deployments > 0 || approvals > 0 || scopes > 0;
    if (keep) await tx.environment.update({ where: { id: environmentId }, data: { removedAt: new Date() } });
    else await tx.environment.delete({ where: { id: environmentId } });
    const rest = await liveChain(tx, environment.projectId);
    if (rest.some((e, i) => e.position !== i)) await placeChain(tx, rest.map((e) => e.id));
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "environment.removed",
      subjectType: "environment",
      subjectId: environmentId,
      projectId: environment.projectId,
      before: auditFacts(environment, readableUrl(environment.databaseUrlEncrypted), environment.sslRootCertEncrypted !== null),
      after: { archived: keep, deployments, approvals, approverScopes: scopes, chain: rest.map((e) => e.name) },
    });
    return keep;
  });
  forgetCaCertificateFiles(environmentId);
  return { removed: true, archived };
}
