"use client";

import { useEffect, useOptimistic, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { reorderEnvironmentsAction } from "@/lib/actions/reorder-environments";
import type { EnvironmentsSettings } from "@/lib/server/environments";
import { EnvironmentForm } from "./environment-form";
import { EnvironmentItem } from "./environment-item";

type Environment = EnvironmentsSettings["environments"][number];

/** Keeps keyboard focus on the moved environment's arrow (or its other arrow, at an end of the chain). */
function focusMoveButton(name: string, direction: "up" | "down") {
  const wanted = document.querySelector<HTMLButtonElement>(`[data-move="${name}:${direction}"]`);
  const other = document.querySelector<HTMLButtonElement>(`[data-move="${name}:${direction === "up" ? "down" : "up"}"]`);
  (wanted && !wanted.disabled ? wanted : other)?.focus();
}

/**
 * The promotion chain in order, first to last. Admins move environments with the arrow
 * buttons (the new order is saved at once and announced), add, test, edit and remove them.
 */
export function EnvironmentChain({ projectId, environments, mayManage }: { projectId: string; environments: Environment[]; mayManage: boolean }) {
  const router = useRouter();
  // The moved order shows at once; the server's chain replaces it when the refresh arrives (or a failure reverts it).
  const [order, setOptimisticOrder] = useOptimistic(environments);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [moving, startMoving] = useTransition();
  const [focus, setFocus] = useState<{ name: string; direction: "up" | "down" } | null>(null);

  useEffect(() => {
    if (focus && !moving) focusMoveButton(focus.name, focus.direction);
  }, [focus, moving, order]);

  function move(index: number, direction: -1 | 1) {
    const next = [...order];
    const [moved] = next.splice(index, 1);
    next.splice(index + direction, 0, moved);
    setError(null);
    setFocus({ name: moved.name, direction: direction === -1 ? "up" : "down" });
    startMoving(async () => {
      setOptimisticOrder(next);
      const result = await reorderEnvironmentsAction({ projectId, order: { names: next.map((e) => e.name) } });
      if (!result.ok) {
        setError(result.message);
        setAnnouncement(`Could not move ${moved.name}: ${result.message}`);
        return;
      }
      setAnnouncement(`${moved.name} moved ${direction === -1 ? "up" : "down"}: now ${index + direction + 1} of ${next.length}. Order: ${next.map((e) => e.name).join(", ")}.`);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <p className="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {order.length === 0 ? (
        <EmptyState title="No environments yet">
          {mayManage ? "Add the databases this project deploys to, first to last: dev, staging, prod." : "An admin of this project adds the databases it deploys to."}
        </EmptyState>
      ) : (
        <ol className="space-y-4" aria-label="Promotion chain, first to last">
          {order.map((environment, index) => (
            <EnvironmentItem
              key={environment.id}
              environment={environment}
              history={environment.history}
              mayManage={mayManage}
              move={{ index, total: order.length, moving, onMove: (direction) => move(index, direction) }}
              onRemoved={setAnnouncement}
            />
          ))}
        </ol>
      )}
      {mayManage &&
        (adding ? (
          <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-labelledby="add-environment-title">
            <h2 id="add-environment-title" className="mb-3 text-sm font-semibold text-slate-900">
              Add an environment at the end of the chain
            </h2>
            <EnvironmentForm
              mode="add"
              projectId={projectId}
              onCancel={() => setAdding(false)}
              onDone={(created) => {
                setAdding(false);
                setAnnouncement(`${created.name} added at position ${created.position + 1}, with the standard policy.`);
                router.refresh();
              }}
            />
          </section>
        ) : (
          <Button type="button" onClick={() => setAdding(true)}>
            Add environment
          </Button>
        ))}
    </div>
  );
}
