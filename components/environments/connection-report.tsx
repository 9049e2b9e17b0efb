import { Badge } from "@/components/ui/badge";
import type { ConnectionReport } from "@/lib/server/environments";

/** What "Test connection" found, laid out: who Sluice is there and what it may do, then what to fix. */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const history = report.historyTable;
  return (
    <div className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50/50 p-3" data-testid="connection-report">
      <p className="text-sm font-medium text-emerald-900">Connected.</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Server version</dt>
        <dd>PostgreSQL {report.serverVersion}</dd>
        <dt className="text-slate-500">Role</dt>
        <dd>
          <span className="font-mono">{report.role}</span>{" "}
          {report.superuser ? <Badge tone="yellow">superuser</Badge> : <Badge tone="green">not a superuser</Badge>}
        </dd>
        <dt className="text-slate-500">Schema</dt>
        <dd>
          <span className="font-mono">{report.schema}</span> {report.schemaExists ? "" : <Badge tone="gray">does not exist yet</Badge>}
        </dd>
        <dt className="text-slate-500">May create there</dt>
        <dd>{report.canCreate ? <Badge tone="green">yes</Badge> : <Badge tone="red">no</Badge>}</dd>
        <dt className="text-slate-500">May create databases</dt>
        <dd>{report.canCreateDatabase ? "yes" : "no (needed only for prod's rehearsal)"}</dd>
        <dt className="text-slate-500">_prisma_migrations</dt>
        <dd>
          {history.exists
            ? history.rows === null
              ? "exists (not readable)"
              : `${history.rows} row${history.rows === 1 ? "" : "s"}${history.failed ? `, ${history.failed} failed` : ""}`
            : "not there yet (a fresh database: the first deploy creates it)"}
        </dd>
        <dt className="text-slate-500">Encryption</dt>
        <dd>{report.encrypted ? <Badge tone="green">TLS</Badge> : <Badge tone="gray">none</Badge>}</dd>
      </dl>
      {report.warnings.length > 0 && (
        <ul className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" aria-label="Warnings">
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A failed test: the database's (or the TLS layer's) own message, the URL in it redacted. */
export function ConnectionFailure({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm break-words text-red-800" data-testid="connection-failure">
      {message}
    </p>
  );
}
