import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { requestDetail } from "@/lib/server/request-queries";
import { AppError } from "@/lib/errors";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { Badge } from "@/components/ui/badge";
import { RequestStatusBadge, RiskBadge, DeploymentStatusBadge } from "@/components/status/status-badge";
import { MigrationSql } from "@/components/requests/migration-sql";
import { DecisionPanel } from "@/components/requests/decision-panel";
import { DeployPanel } from "@/components/requests/deploy-panel";
import { SubmitDraftButton } from "@/components/requests/submit-draft-button";
import { EditRequestForm } from "@/components/requests/edit-request-form";
import { StillMissing } from "@/components/requests/still-missing";

function findingCount(n: number): string {
  return n === 0 ? "no findings" : n === 1 ? "1 finding" : `${n} findings`;
}

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `Request #${(await params).number}` };
}

const DECISION_LABEL = { approved: "approved", rejected: "rejected", changes_requested: "asked for changes" } as const;

export default async function RequestPage({ params }: { params: Promise<{ number: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const number = Number((await params).number);
  if (!Number.isInteger(number) || number < 1) notFound();
  let detail;
  try {
    detail = await requestDetail(user, number);
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const { request, lint, lintHash, readiness, viewer, remaining } = detail;
  const canDecide = viewer.mayApprove || viewer.mayReject || viewer.mayRequestChanges;

  return (
    <div className="space-y-6">
      <div>
        <Link href="/requests" className="text-sm text-indigo-600 hover:text-indigo-500">← All requests</Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            <span className="text-slate-400">#{request.number}</span> {request.title}
          </h1>
          <RequestStatusBadge status={request.status} />
          <RiskBadge level={request.riskLevel} />
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {request.project.name} · {request.type} · requested by {request.requester.name} · created <Time value={request.createdAt} />
        </p>
      </div>

      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          {(request.description || request.rollbackPlan) && (
            <Card title="Description and rollback plan">
              <dl className="grid gap-3 text-sm">
                <div><dt className="font-medium text-slate-500">Description</dt><dd className="whitespace-pre-wrap">{request.description || "—"}</dd></div>
                <div><dt className="font-medium text-slate-500">Rollback plan</dt><dd className="whitespace-pre-wrap">{request.rollbackPlan || "—"}</dd></div>
              </dl>
            </Card>
          )}
          {request.migrations.map((m) => {
            const report = lint.find((l) => l.name === m.name)?.report;
            const upFindings = (report?.findings ?? []).filter((f) => f.file !== "down.sql");
            return (
              <Card
                key={m.id}
                title={<span className="font-mono">{m.name}/migration.sql</span>}
                actions={
                  <span className="flex items-center gap-2 text-xs text-slate-500">
                    {m.source === "pasted" && <Badge tone="purple">pasted</Badge>}
                    <span className="font-mono" title={m.checksum}>sha256 {m.checksum.slice(0, 12)}…</span>
                    <span>{findingCount(upFindings.filter((f) => !f.ignored).length)}</span>
                  </span>
                }
              >
                <MigrationSql sql={m.sql} findings={upFindings} />
                {m.downSql ? (
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm font-medium text-slate-700">down.sql</summary>
                    <div className="mt-2"><MigrationSql sql={m.downSql} findings={(report?.findings ?? []).filter((f) => f.file === "down.sql")} /></div>
                  </details>
                ) : (
                  <p className="mt-3 text-sm text-amber-700">No down.sql: this migration cannot be rolled back automatically.</p>
                )}
              </Card>
            );
          })}
        </div>

        <div className="space-y-6">
          <StillMissing remaining={remaining} approvals={request.approvals} />

          {viewer.maySubmit && (
            <Card title="Draft">
              <p className="mb-3 text-sm text-slate-600">Reviewers see this request once you submit it.</p>
              <SubmitDraftButton requestId={request.id} />
            </Card>
          )}

          {viewer.mayEdit && (
            <Card title="Edit">
              <EditRequestForm
                requestId={request.id}
                title={request.title}
                description={request.description}
                rollbackPlan={request.rollbackPlan}
                migrations={request.migrations.map((m) => ({ name: m.name, sql: m.sql, downSql: m.downSql, pasted: m.source === "pasted" }))}
                hasApprovals={request.approvals.some((a) => !a.noLongerCounts)}
              />
            </Card>
          )}

          <Card title="Deploy">
            <DeployPanel requestId={request.id} readiness={readiness} migrations={request.migrations.map((m) => m.name)} />
          </Card>

          <Card title={`Reviews (${request.approvals.length})`}>
            {request.approvals.length ? (
              <ul className="space-y-3" aria-label="Reviews">
                {request.approvals.map((a) => {
                  const stale = a.noLongerCounts;
                  return (
                    <li key={a.id} className={stale ? "text-sm opacity-80" : "text-sm"} data-testid="review" data-counts={stale ? "no" : "yes"}>
                      <p>
                        <span className={stale ? "font-medium line-through decoration-slate-400" : "font-medium"}>{a.approver.name}</span> {DECISION_LABEL[a.decision]}{" "}
                        <span className="text-xs text-slate-500"><Time value={a.createdAt} /></span>
                      </p>
                      {stale && (
                        <p className="mt-1">
                          <Badge tone="yellow" className="whitespace-normal" >
                            <span data-testid="review-invalidated">
                              no longer counts: {stale.reason}
                              {stale.since && <> on <Time value={stale.since} /></>}
                            </span>
                          </Badge>
                        </p>
                      )}
                      {a.comment && <p className="mt-0.5 whitespace-pre-wrap text-slate-600">“{a.comment}”</p>}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No reviews yet.</p>
            )}
            {canDecide ? (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <DecisionPanel requestId={request.id} lintHash={lintHash} mayApprove={viewer.mayApprove} mayReject={viewer.mayReject} mayRequestChanges={viewer.mayRequestChanges} />
              </div>
            ) : (
              viewer.isRequester && ["in_review", "approved"].includes(request.status) && (
                <p className="mt-3 text-xs text-slate-500">You wrote this request, so someone else must review it.</p>
              )
            )}
          </Card>

          <Card title="Deployments">
            {request.deployments.length ? (
              <ul className="space-y-2 text-sm">
                {request.deployments.map((d) => (
                  <li key={d.id} className="flex items-center justify-between gap-2">
                    <Link href={`/history/${d.id}`} className="font-mono hover:text-indigo-600">{d.environment.name}</Link>
                    <span className="text-xs text-slate-500">{d.startedBy.name} · <Time value={d.startedAt ?? d.createdAt} /></span>
                    <DeploymentStatusBadge status={d.status} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">Not deployed anywhere yet.</p>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
