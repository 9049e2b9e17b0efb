import { db, type DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { readableProjects } from "./readable-projects";
import { policyColumns, policyFromStored } from "@/lib/workflow/stored-policy";
import { standardPolicyFor } from "@/lib/workflow/default-policy";
import type { EnvironmentPolicy } from "@/lib/workflow/types";
import { ZUpdatePolicy, type TUpdatePolicy } from "@/lib/schemas/policy";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Projects this admin manages, each environment with its stored policy or null (deny by default). */
export async function policiesForSettings(user: CurrentUser) {
  const projects = await readableProjects(user, "settings.manage");
  const environments = await db().environment.findMany({
    where: { projectId: { in: projects.map((p) => p.id) }, removedAt: null },
    orderBy: [{ projectId: "asc" }, { position: "asc" }],
    select: { id: true, projectId: true, name: true, position: true, timeZone: true, policy: true },
  });
  const editors = await db().user.findMany({
    where: { id: { in: environments.flatMap((e) => (e.policy?.updatedById ? [e.policy.updatedById] : [])) } },
    select: { id: true, name: true },
  });
  return projects.map((project) => ({
    id: project.id,
    name: project.name,
    slug: project.slug,
    environments: environments
      .filter((e) => e.projectId === project.id)
      .map((e) => ({
        id: e.id,
        name: e.name,
        position: e.position,
        timeZone: e.timeZone,
        policy: e.policy ? policyFromStored(e.policy) : null,
        /** What the form starts from when the environment has no policy yet. */
        suggested: standardPolicyFor({ ...e, timeZone: e.timeZone }, environments.filter((x) => x.projectId === project.id), { weekendFreeze: true }),
        updatedAt: e.policy?.updatedAt ?? null,
        updatedBy: editors.find((u) => u.id === e.policy?.updatedById)?.name ?? null,
      })),
  }));
}

function storedJson(policy: EnvironmentPolicy) {
  const columns = policyColumns(policy);
  return { ...columns, extraApprovalsAtRisk: columns.extraApprovalsAtRisk as Prisma.InputJsonValue, freezeWindows: columns.freezeWindows as Prisma.InputJsonValue };
}

/** Creates or replaces an environment's policy; the audit event holds the policy before and after. */
export async function updatePolicy(user: CurrentUser, raw: TUpdatePolicy) {
  const input = ZUpdatePolicy.parse(raw);
  const environment = await db().environment.findUnique({ where: { id: input.environmentId }, include: { policy: true } });
  if (!environment || environment.removedAt) throw new AppError("NOT_FOUND", "No such environment.");
  await authorize(user, environment.projectId, "settings.manage");
  const policy: EnvironmentPolicy = input.policy;
  if (policy.autoDeployOnApproval) {
    // An approval is a review, not a release decision: only the first environment (dev) deploys on it.
    const first = await db().environment.findFirst({ where: { projectId: environment.projectId, removedAt: null }, orderBy: { position: "asc" }, select: { id: true } });
    if (first?.id !== environment.id) throw new AppError("BAD_INPUT", `Automatic deploy on approval is only for the first environment of the chain, not ${environment.name}.`);
  }
  return db().$transaction(async (tx) => {
    // Lock the environment's policy row (or the environment itself for a first policy) so two admins cannot interleave.
    await tx.$executeRaw`SELECT 1 FROM "Environment" WHERE id = ${environment.id} FOR UPDATE`;
    const current = await tx.environmentPolicy.findUnique({ where: { environmentId: environment.id } });
    const before = current ? policyColumns(policyFromStored(current)) : null;
    const saved = await tx.environmentPolicy.upsert({
      where: { environmentId: environment.id },
      create: { environmentId: environment.id, ...storedJson(policy), updatedById: user.id },
      update: { ...storedJson(policy), updatedById: user.id },
    });
    await recordAudit(tx, {
      actor: auditActorOf(user),
      action: current ? "policy.updated" : "policy.created",
      subjectType: "environment",
      subjectId: environment.id,
      projectId: environment.projectId,
      before: before as Prisma.InputJsonValue | null,
      after: policyColumns(policy) as Prisma.InputJsonValue,
      metadata: { environment: environment.name },
    });
    return saved;
  });
}

/**
 * Gives every environment of a project without a policy the standard one (default-policy.ts),
 * audited as created by `actor`. New projects, the demo and each newly added environment start
 * here; an environment without a stored policy is denied by default (deploy-policy.ts).
 */
export async function createStandardPolicies(
  projectId: string,
  actor: { id: string | null; email: string; tokenId?: string },
  // environmentIds: only these (a newly added environment), not others an admin left without a policy.
  options: { weekendFreeze?: boolean; environmentIds?: string[] } = {},
  tx?: DbTransaction,
) {
  const run = async (t: DbTransaction) => {
    const environments = await t.environment.findMany({ where: { projectId, removedAt: null }, orderBy: { position: "asc" }, include: { policy: true } });
    const chain = environments.map(({ id, name, position }) => ({ id, name, position }));
    for (const environment of environments) {
      if (environment.policy || (options.environmentIds && !options.environmentIds.includes(environment.id))) continue;
      const policy = standardPolicyFor(environment, chain, options);
      await t.environmentPolicy.create({ data: { environmentId: environment.id, ...storedJson(policy), updatedById: actor.id } });
      await recordAudit(t, {
        actor,
        action: "policy.created",
        subjectType: "environment",
        subjectId: environment.id,
        projectId,
        after: policyColumns(policy) as Prisma.InputJsonValue,
        metadata: { environment: environment.name, standard: true },
      });
    }
  };
  return tx ? run(tx) : db().$transaction(run);
}
