"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreDeploymentAction } from "@/lib/actions/restore-deployment";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import type { DeploymentControls } from "@/lib/server/deployments";

type Backup = NonNullable<DeploymentControls["backup"]>;

/** The backup a prod deploy took, and for admins the button that restores it (after a confirmation). */
export function RestoreBackup({ deploymentId, environment, backup, mayRestore, active }: { deploymentId: string; environment: string; backup: Backup; mayRestore: boolean; active: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function restore() {
    setConfirming(false);
    startTransition(async () => {
      const r = await restoreDeploymentAction({ deploymentId });
      setResult(
        r.ok
          ? { ok: true, message: `Restored ${r.data.tables.map((t) => `${t.name} (${t.rows} rows)`).join(", ")} in ${r.data.durationMs} ms.${r.data.schemaChanges.length ? ` Schema: ${r.data.schemaChanges.join("; ")}.` : ""}` }
          : { ok: false, message: r.message },
      );
      router.refresh();
    });
  }

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label="Backup">
      <h2 className="text-sm font-semibold text-slate-900">Backup before deploy</h2>
      <p className="mt-1 text-sm text-slate-600">
        Taken <Time value={backup.createdAt} />, {(backup.sizeBytes / 1024).toFixed(1)} kB: {backup.tables.length ? backup.tables.map((t) => `${t.name} (${t.rows} rows)`).join(", ") : "no existing table was touched"}.
        {backup.restoredAt && (
          <>
            {" "}
            Last restored <Time value={backup.restoredAt} />.
          </>
        )}
      </p>
      {mayRestore && backup.tables.length > 0 && (
        <div className="mt-3">
          <Button variant="danger" disabled={pending || active} onClick={() => setConfirming(true)} title={active ? "Wait for the deploy to finish" : undefined}>
            Restore backup
          </Button>
        </div>
      )}
      {confirming && (
        <div role="dialog" aria-modal="true" aria-labelledby="confirm-restore-title" className="mt-3 rounded-md border border-red-300 bg-red-50 p-4">
          <h3 id="confirm-restore-title" className="text-sm font-semibold text-red-900">Restore the backup on {environment}?</h3>
          <p className="mt-1 text-sm text-red-900">
            Replaces every row of {backup.tables.map((t) => t.name).join(", ")} with the backup, and puts their columns, constraints and indexes back. Rows written since the backup are lost. The migration history is not changed.
          </p>
          <div className="mt-3 flex gap-2">
            <Button variant="danger" onClick={restore} autoFocus>
              Yes, restore on {environment}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {pending && <p className="mt-2 text-sm text-slate-600" role="status">Restoring…</p>}
      {result && (
        <p className={`mt-2 rounded-md px-3 py-2 text-sm ${result.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`} data-testid="restore-result">
          {result.message}
        </p>
      )}
    </section>
  );
}
