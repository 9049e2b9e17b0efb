import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { approvalsSatisfy, countingApprovals, missingForDeploy } from "@/lib/workflow/policy";
import type { PolicyApproval } from "@/lib/workflow/types";
import type { ApprovalDecision, DeploymentStatus } from "@/lib/generated/prisma/enums";
import { deployCheckContext } from "./deploy-policy";
import { requestUrl, type RequestSummary } from "./request-summaries";

export type RequestStatusReport = RequestSummary & {
  requester: { name: string; email: string };
  migrations: { name: string; checksum: string }[];
  approvals: { approver: string; decision: ApprovalDecision; environment: string | null; comment: string; createdAt: Date; counts: boolean }[];
  environments: { name: string; approved: boolean; deployed: boolean; missing: string[]; lastDeployment: { id: string; status: DeploymentStatus } | null }[];
};

/**
 * Where a request stands, per environment, for a pipeline waiting on it: read from the stored
 * fields only. Unlike the request page it neither re-lints (which may write) nor connects to a
 * target, so polling it is cheap and changes nothing.
 */
export async function requestStatusReport(user: CurrentUser, number: number): Promise<RequestStatusReport> {
  const request = await db().migrationRequest.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      riskLevel: true,
      branch: true,
      sourceCommit: true,
      createdAt: true,
      projectId: true,
      project: { select: { slug: true, environments: { where: { removedAt: null }, orderBy: { position: "asc" }, select: { id: true, name: true } } } },
      requester: { select: { name: true, email: true } },
      migrations: { orderBy: { position: "asc" }, select: { name: true, checksum: true } },
      approvals: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { approverId: true, decision: true, environmentId: true, comment: true, createdAt: true, checksums: true, lintHash: true, invalidatedAt: true, approver: { select: { email: true } }, environment: { select: { name: true } } },
      },
      deployments: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, status: true, environmentId: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND", `There is no request #${number}.`);
  await authorize(user, request.projectId, "history.read");

  const context = await deployCheckContext(request.id, user);
  const inputs = request.project.environments.map((environment) => ({ environment, input: context.forEnvironment(environment.id) }));
  // The approvers' roles and scopes as they stand now, as the policy reads them.
  const standing = inputs[0]?.input.approvals ?? [];
  const policyApproval = (a: (typeof request.approvals)[number]): PolicyApproval => {
    const current = standing.find((s) => s.approverId === a.approverId);
    return {
      approverId: a.approverId,
      decision: a.decision,
      environmentId: a.environmentId,
      checksums: a.checksums,
      lintHash: a.lintHash,
      invalidatedAt: a.invalidatedAt,
      approverRole: current?.approverRole ?? null,
      approverEnvironmentIds: current?.approverEnvironmentIds ?? [],
    };
  };

  return {
    number: request.number,
    title: request.title,
    status: request.status,
    riskLevel: request.riskLevel,
    project: request.project.slug,
    branch: request.branch,
    sourceCommit: request.sourceCommit,
    createdAt: request.createdAt,
    url: requestUrl(request.number),
    requester: request.requester,
    migrations: request.migrations,
    approvals: request.approvals.map((a) => ({
      approver: a.approver.email,
      decision: a.decision,
      environment: a.environment?.name ?? null,
      comment: a.comment,
      createdAt: a.createdAt,
      // Counts toward some environment's policy: bound to this SQL and lint report, by someone whose role and scope still allow it.
      counts: inputs.some(({ environment, input }) => countingApprovals(input.request, environment.id, [policyApproval(a)], input.policy).length > 0),
    })),
    environments: inputs.map(({ environment, input }) => {
      const last = request.deployments.find((d) => d.environmentId === environment.id) ?? null;
      return {
        name: environment.name,
        approved: !input.policy.unconfigured && approvalsSatisfy(input.request, environment.id, input.approvals, input.policy),
        deployed: request.deployments.some((d) => d.environmentId === environment.id && d.status === "succeeded"),
        missing: missingForDeploy(input),
        lastDeployment: last ? { id: last.id, status: last.status } : null,
      };
    }),
  };
}
