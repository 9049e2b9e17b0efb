"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { removeEnvironmentAction } from "@/lib/actions/remove-environment";
import type { EnvironmentHistory, EnvironmentView } from "@/lib/server/environments";
import { ConnectionFailure, ConnectionReportView } from "./connection-report";
import { EnvironmentFacts } from "./environment-facts";
import { EnvironmentForm } from "./environment-form";
import { RemoveEnvironmentButton } from "./remove-environment-button";
import { useConnectionTest } from "./use-connection-test";

const SMALL = "px-2 py-1 text-xs";

export type MoveControls = { index: number; total: number; moving: boolean; onMove: (direction: -1 | 1) => void };

function MoveButtons({ name, move }: { name: string; move: MoveControls }) {
  return (
    <div className="flex gap-1" role="group" aria-label={`Move ${name}`}>
      <Button type="button" variant="secondary" className={SMALL} data-move={`${name}:up`} aria-label={`Move ${name} up`} disabled={move.moving || move.index === 0} onClick={() => move.onMove(-1)}>
        ↑
      </Button>
      <Button type="button" variant="secondary" className={SMALL} data-move={`${name}:down`} aria-label={`Move ${name} down`} disabled={move.moving || move.index === move.total - 1} onClick={() => move.onMove(1)}>
        ↓
      </Button>
    </div>
  );
}

/** One environment of the chain: its settings, and for admins test, edit, move and remove. */
export function EnvironmentItem({
  environment,
  history,
  mayManage,
  move,
  onRemoved,
}: {
  environment: EnvironmentView;
  history: EnvironmentHistory;
  mayManage: boolean;
  move: MoveControls;
  onRemoved: (message: string) => void;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removing, startRemoving] = useTransition();
  const test = useConnectionTest();

  function remove() {
    setError(null);
    startRemoving(async () => {
      const result = await removeEnvironmentAction({ environmentId: environment.id });
      if (!result.ok) return setError(result.message);
      onRemoved(result.data.archived ? `${environment.name} removed from the chain; its history is kept.` : `${environment.name} removed.`);
      router.refresh();
    });
  }

  return (
    <li className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-label={`${environment.name}, position ${move.index + 1} of ${move.total}`} data-testid={`environment-${environment.name}`}>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <span className="inline-flex h-6 w-6 items-center justify-center rounded-full bg-slate-100 text-xs text-slate-600" aria-hidden="true">
            {move.index + 1}
          </span>
          <span className="font-mono">{environment.name}</span>
          {move.index === 0 && <span className="text-xs font-normal text-slate-500">first: requesters deploy here themselves</span>}
        </h2>
        {mayManage && !editing && (
          <div className="flex flex-wrap items-start gap-2">
            <MoveButtons name={environment.name} move={move} />
            <Button type="button" variant="secondary" className={SMALL} disabled={test.testing} onClick={() => test.run({ environmentId: environment.id })}>
              {test.testing ? "Testing…" : "Test connection"}
            </Button>
            <Button type="button" variant="secondary" className={SMALL} onClick={() => setEditing(true)}>
              Edit
            </Button>
            <RemoveEnvironmentButton name={environment.name} history={history} pending={removing} onConfirm={remove} />
          </div>
        )}
      </header>
      <div className="space-y-3 p-4">
        {error && <ConnectionFailure message={error} />}
        {editing ? (
          <EnvironmentForm
            mode="edit"
            environment={environment}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              router.refresh();
            }}
          />
        ) : (
          <EnvironmentFacts environment={environment} />
        )}
        <div aria-live="polite">
          {test.report && <ConnectionReportView report={test.report} />}
          {test.failure && <ConnectionFailure message={test.failure.message} />}
        </div>
      </div>
    </li>
  );
}
