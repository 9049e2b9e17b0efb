import type { ApiOperation } from "@/lib/api/reference";
import { FieldsTable } from "./fields-table";
import { MethodBadge } from "./method-badge";
import { RichText } from "./rich-text";

/** One endpoint: what it does, what it takes, what it answers, and how to call it. */
export function OperationCard({ operation }: { operation: ApiOperation }) {
  const headingId = `${operation.id}-heading`;
  return (
    <article id={operation.id} aria-labelledby={headingId} className="scroll-mt-6 rounded-lg bg-white shadow-sm ring-1 ring-slate-200" data-testid="api-operation">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3">
        <MethodBadge method={operation.method} />
        <code className="font-mono text-sm font-semibold text-slate-900">/api/v1{operation.path}</code>
        <h3 id={headingId} className="text-sm text-slate-700">
          {operation.summary}
        </h3>
        {!operation.authenticated && <span className="text-xs text-slate-500">no token needed</span>}
      </header>
      <div className="space-y-4 p-4">
        {operation.description && (
          <p className="text-sm text-slate-700">
            <RichText text={operation.description} />
          </p>
        )}
        {operation.pathParams.length > 0 && <FieldsTable caption="Path" fields={operation.pathParams} />}
        {operation.query.length > 0 && <FieldsTable caption="Query" fields={operation.query} />}
        {operation.body && <FieldsTable caption="Body (JSON)" fields={operation.body} />}
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">
            Answer: {operation.successStatus}
            {operation.errorStatuses.length > 0 && <span className="font-normal text-slate-500"> · errors {operation.errorStatuses.join(", ")}</span>}
          </summary>
          <div className="mt-2">{operation.response.length ? <FieldsTable caption={`${operation.successStatus} body`} fields={operation.response} /> : <p className="text-sm text-slate-600">A JSON document.</p>}</div>
        </details>
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Example</p>
          <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">{operation.curl}</pre>
        </div>
      </div>
    </article>
  );
}
