"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createRequestAction } from "@/lib/actions/create-request";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type ProjectOption = { id: string; name: string; pending: { name: string; hasDown: boolean; openRequest: number | null }[] };

const INPUT = "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const LABEL = "block text-sm font-medium text-slate-800";

export function NewRequestForm({ projects }: { projects: ProjectOption[] }) {
  const router = useRouter();
  const [projectId, setProjectId] = useState(projects[0].id);
  const [picked, setPicked] = useState<string[]>([]);
  const [withPasted, setWithPasted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const project = projects.find((p) => p.id === projectId)!;

  function submit(form: HTMLFormElement, submitForReview: boolean) {
    const data = new FormData(form);
    setError(null);
    startTransition(async () => {
      const result = await createRequestAction({
        projectId,
        title: String(data.get("title") ?? ""),
        type: String(data.get("type") ?? "schema") as "schema" | "data" | "performance",
        description: String(data.get("description") ?? ""),
        rollbackPlan: String(data.get("rollbackPlan") ?? ""),
        folderMigrations: picked,
        pasted: withPasted
          ? { name: String(data.get("pastedName") ?? ""), sql: String(data.get("pastedSql") ?? ""), downSql: String(data.get("pastedDownSql") ?? "") }
          : null,
        submit: submitForReview,
      });
      if (result.ok) router.push(`/requests/${result.data.number}`);
      else setError(result.message);
    });
  }

  return (
    <form
      className="max-w-4xl space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        submit(e.currentTarget, submitter?.value !== "draft");
      }}
    >
      <Card title="What and why">
        <div className="grid gap-4 md:grid-cols-3">
          <label className={LABEL}>
            Project
            <select className={INPUT} value={projectId} onChange={(e) => { setProjectId(e.target.value); setPicked([]); }}>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>{p.name}</option>
              ))}
            </select>
          </label>
          <label className={`${LABEL} md:col-span-2`}>
            Title
            <input name="title" required minLength={3} maxLength={200} className={INPUT} placeholder="Add performance indexes for tenant queries" />
          </label>
          <label className={LABEL}>
            Type
            <select name="type" className={INPUT} defaultValue="schema">
              <option value="schema">Schema</option>
              <option value="data">Data</option>
              <option value="performance">Performance</option>
            </select>
          </label>
          <label className={`${LABEL} md:col-span-2`}>
            Description
            <textarea name="description" rows={2} className={INPUT} placeholder="What changes, and why now" />
          </label>
          <label className={`${LABEL} md:col-span-3`}>
            Rollback plan
            <textarea name="rollbackPlan" rows={2} className={INPUT} placeholder="How to undo it if something goes wrong (down.sql, feature flag…)" />
          </label>
        </div>
      </Card>

      <Card title="Pending migrations from the project's folder">
        {project.pending.length ? (
          <fieldset className="space-y-2">
            <legend className="sr-only">Pending migrations</legend>
            {project.pending.map((m) => (
              <label key={m.name} className="flex items-center gap-3 text-sm">
                <input
                  type="checkbox"
                  name="folderMigrations"
                  value={m.name}
                  checked={picked.includes(m.name)}
                  onChange={(e) => setPicked(e.target.checked ? [...picked, m.name] : picked.filter((n) => n !== m.name))}
                  className="size-4 rounded border-slate-300 text-indigo-600"
                />
                <span className="font-mono">{m.name}</span>
                {!m.hasDown && <span className="text-xs text-amber-700">no down.sql</span>}
                {m.openRequest && <span className="text-xs text-slate-500">already in request #{m.openRequest}</span>}
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="text-sm text-slate-600">Every migration in the folder is applied on every environment.</p>
        )}
      </Card>

      <Card
        title="Paste SQL"
        actions={
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={withPasted} onChange={(e) => setWithPasted(e.target.checked)} className="size-4 rounded border-slate-300" />
            Add a migration by pasting its SQL
          </label>
        }
      >
        {withPasted ? (
          <div className="space-y-4">
            <label className={LABEL}>
              Migration name
              <input name="pastedName" required className={`${INPUT} font-mono`} placeholder="20261124120000_add_invoice_due_date_index" />
            </label>
            <label className={LABEL}>
              migration.sql
              <textarea name="pastedSql" required rows={10} spellCheck={false} className={`${INPUT} font-mono text-xs`} placeholder={'CREATE INDEX CONCURRENTLY "Invoice_organizationId_dueDate_idx" ON "Invoice"("organizationId", "dueDate");'} />
            </label>
            <label className={LABEL}>
              down.sql <span className="font-normal text-slate-500">(how to undo it)</span>
              <textarea name="pastedDownSql" rows={4} spellCheck={false} className={`${INPUT} font-mono text-xs`} placeholder={'DROP INDEX CONCURRENTLY "Invoice_organizationId_dueDate_idx";'} />
            </label>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Tick the box to write a migration here instead of (or as well as) picking one from the folder.</p>
        )}
      </Card>

      {error && (
        <p className="whitespace-pre-wrap rounded-md bg-red-50 px-4 py-3 text-sm text-red-700" data-testid="form-error">
          {error}
        </p>
      )}
      <div className="flex gap-3">
        <Button type="submit" value="review" disabled={pending}>
          {pending ? "Linting and saving…" : "Submit for review"}
        </Button>
        <Button type="submit" value="draft" variant="secondary" disabled={pending}>
          Save as draft
        </Button>
      </div>
    </form>
  );
}
