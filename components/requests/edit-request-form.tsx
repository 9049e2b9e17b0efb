"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateRequestAction } from "@/lib/actions/update-request";
import { Button } from "@/components/ui/button";

type EditableMigration = { name: string; sql: string; downSql: string | null; pasted: boolean };

const INPUT = "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const LABEL = "block text-sm font-medium text-slate-800";

/** The requester's edit of their own request. Saving changed SQL sends it back to review. */
export function EditRequestForm({
  requestId,
  title,
  description,
  rollbackPlan,
  migrations,
  hasApprovals,
}: {
  requestId: string;
  title: string;
  description: string;
  rollbackPlan: string;
  migrations: EditableMigration[];
  hasApprovals: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <div className="space-y-2">
        <Button variant="secondary" onClick={() => { setOpen(true); setNotice(null); }}>Edit request</Button>
        {notice && <p className="text-sm text-slate-700" data-testid="edit-notice">{notice}</p>}
      </div>
    );
  }

  function save(form: HTMLFormElement) {
    const data = new FormData(form);
    setError(null);
    startTransition(async () => {
      const result = await updateRequestAction({
        requestId,
        title: String(data.get("title") ?? ""),
        description: String(data.get("description") ?? ""),
        rollbackPlan: String(data.get("rollbackPlan") ?? ""),
        migrations: migrations
          .filter((m) => m.pasted)
          .map((m) => ({ name: m.name, sql: String(data.get(`sql:${m.name}`) ?? ""), downSql: String(data.get(`down:${m.name}`) ?? "") })),
      });
      if (result.ok) {
        setOpen(false);
        setNotice(result.data.invalidated ? `Saved. ${result.data.invalidated} review(s) no longer count: the request is back in review.` : "Saved.");
        router.refresh();
      } else setError(result.message);
    });
  }

  return (
    <form
      className="space-y-4"
      aria-label="Edit request"
      onSubmit={(e) => {
        e.preventDefault();
        save(e.currentTarget);
      }}
    >
      <label className={LABEL}>
        Title
        <input name="title" defaultValue={title} className={INPUT} required minLength={3} />
      </label>
      <label className={LABEL}>
        Description
        <textarea name="description" defaultValue={description} rows={3} className={INPUT} />
      </label>
      <label className={LABEL}>
        Rollback plan
        <textarea name="rollbackPlan" defaultValue={rollbackPlan} rows={2} className={INPUT} />
      </label>
      {migrations.map((m) =>
        m.pasted ? (
          <fieldset key={m.name} className="space-y-2">
            <legend className="font-mono text-xs text-slate-600">{m.name}</legend>
            <label className={LABEL}>
              {m.name}/migration.sql
              <textarea name={`sql:${m.name}`} defaultValue={m.sql} rows={8} className={`${INPUT} font-mono`} spellCheck={false} />
            </label>
            <label className={LABEL}>
              {m.name}/down.sql
              <textarea name={`down:${m.name}`} defaultValue={m.downSql ?? ""} rows={4} className={`${INPUT} font-mono`} spellCheck={false} />
            </label>
          </fieldset>
        ) : (
          <p key={m.name} className="text-xs text-slate-500">
            <span className="font-mono">{m.name}</span> comes from the migrations folder: change it in the repository.
          </p>
        ),
      )}
      {hasApprovals && <p className="text-xs text-amber-800">Changing the SQL invalidates the reviews given so far: reviewers must look again.</p>}
      {error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="edit-error">{error}</p>}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save changes"}</Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
