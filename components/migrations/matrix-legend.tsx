import { Badge } from "@/components/ui/badge";
import { MIGRATION_STATE_BADGE, MIGRATION_STATES } from "@/components/status/labels";
import type { MigrationState } from "@/lib/engine";

const MEANING = {
  applied: "finished on this target",
  pending: "in the folder, not applied here",
  failed: "started, never finished — blocks deploys",
  rolled_back: "undone; deploy applies it again",
  modified: "applied, but the SQL changed since",
  unknown: "applied here, missing from the folder",
} as const satisfies Record<MigrationState, string>;

export function MatrixLegend() {
  return (
    <dl className="flex flex-wrap gap-x-5 gap-y-2 text-xs text-slate-600" aria-label="Legend">
      {MIGRATION_STATES.map((state) => (
        <div key={state} className="flex items-center gap-1.5">
          <dt>
            <Badge tone={MIGRATION_STATE_BADGE[state].tone}>{MIGRATION_STATE_BADGE[state].label}</Badge>
          </dt>
          <dd>{MEANING[state]}</dd>
        </div>
      ))}
    </dl>
  );
}
