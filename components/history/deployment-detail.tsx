import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Time, formatDuration } from "@/components/ui/time";
import { REQUEST_STATUS_BADGE } from "@/components/status/labels";
import { Badge } from "@/components/ui/badge";
import type { DeploymentDetail } from "@/lib/server/history";
import type { RequestStatus } from "@/lib/generated/prisma/enums";

function Field({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function DeploymentDetailView({ deployment: d, durationMs }: { deployment: DeploymentDetail; durationMs: number | null }) {
  const requestStatus = REQUEST_STATUS_BADGE[d.requestStatus as RequestStatus];
  const notApplied = d.requestMigrations.filter((name) => !d.appliedMigrations.includes(name));
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[20rem_minmax(0,1fr)]">
      <div className="space-y-6">
        <Card title="Summary">
          <dl className="grid grid-cols-2 gap-4">
            <Field label="Request" wide>
              <Link href={`/requests/${d.request.number}`} className="text-indigo-600 hover:text-indigo-500">
                <span className="font-mono">#{d.request.number}</span> {d.request.title}
              </Link>
              {requestStatus && (
                <span className="mt-1 block">
                  <Badge tone={requestStatus.tone}>{requestStatus.label}</Badge>
                </span>
              )}
            </Field>
            <Field label="Where" wide>
              {d.project} / <span className="font-medium">{d.environment}</span>
            </Field>
            <Field label="Started by" wide>
              {d.startedBy.name} <span className="text-slate-500">({d.startedBy.email})</span>
            </Field>
            <Field label="Queued">
              <Time value={d.createdAt} />
            </Field>
            <Field label="Started">
              <Time value={d.startedAt} />
            </Field>
            <Field label="Finished">
              <Time value={d.finishedAt} />
            </Field>
            <Field label="Duration">{formatDuration(durationMs)}</Field>
          </dl>
        </Card>
        <Card title="Migrations">
          <ul className="space-y-2">
            {d.requestMigrations.map((name) => {
              const applied = d.appliedMigrations.includes(name);
              return (
                <li key={name} className="flex flex-col items-start gap-1">
                  <span className="break-all font-mono text-xs text-slate-900">{name}</span>
                  <Badge tone={applied ? "green" : "gray"}>{applied ? "Applied by this run" : "Not applied"}</Badge>
                </li>
              );
            })}
            {d.appliedMigrations
              .filter((name) => !d.requestMigrations.includes(name))
              .map((name) => (
                <li key={name} className="flex flex-col items-start gap-1">
                  <span className="break-all font-mono text-xs text-slate-900">{name}</span>
                  <Badge tone="green">Applied by this run</Badge>
                </li>
              ))}
          </ul>
          {d.status === "succeeded" && notApplied.length > 0 && (
            <p className="mt-3 text-xs text-slate-500">Migrations not applied by this run were already applied on {d.environment}.</p>
          )}
        </Card>
      </div>
      <div className="min-w-0 space-y-6">
        {d.error && (
          <section className="rounded-lg border border-red-200 bg-red-50 p-4" aria-label="Error">
            <h2 className="text-sm font-semibold text-red-800">Error</h2>
            <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap break-words font-mono text-xs leading-relaxed text-red-900">{d.error}</pre>
          </section>
        )}
        <section aria-label="Log">
          <h2 className="mb-2 text-sm font-semibold text-slate-900">Log</h2>
          {d.log ? (
            <pre
              data-testid="deployment-log"
              className="max-h-[36rem] overflow-auto rounded-lg bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100 shadow-inner"
            >
              {d.log}
            </pre>
          ) : (
            <p className="rounded-lg bg-slate-50 p-4 text-sm text-slate-500 ring-1 ring-slate-200">
              {d.status === "queued" || d.status === "running" ? "No output yet: the deploy has not written to its log." : "This deploy wrote no log."}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
