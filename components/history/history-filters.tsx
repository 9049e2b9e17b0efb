import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DEPLOYMENT_STATUS_BADGE, DEPLOYMENT_STATUSES } from "@/components/status/labels";
import type { EnvironmentOption, THistoryFilters } from "@/lib/server/history";

const SELECT = "mt-1 block rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

/** A GET form: the filters live in the URL, so a filtered view can be shared. */
export function HistoryFilters({ filters, environments }: { filters: THistoryFilters; environments: EnvironmentOption[] }) {
  const active = Boolean(filters.environment || filters.status);
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter deployments">
      <label className="text-xs font-medium text-slate-600">
        Environment
        <select name="environment" defaultValue={filters.environment ?? ""} className={SELECT}>
          <option value="">All environments</option>
          {environments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Result
        <select name="status" defaultValue={filters.status ?? ""} className={SELECT}>
          <option value="">Any result</option>
          {DEPLOYMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {DEPLOYMENT_STATUS_BADGE[s].label}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {active && (
        <Link href="/history" className="py-2 text-sm font-medium text-slate-600 hover:text-slate-900">
          Clear
        </Link>
      )}
    </form>
  );
}
