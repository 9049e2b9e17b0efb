import Link from "next/link";
import { Button } from "@/components/ui/button";
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS } from "@/lib/audit/actions";
import type { TAuditFilters } from "@/lib/server/audit-log";

const FIELD = "mt-1 block rounded-md border-0 py-1.5 px-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

export function AuditFilters({ filters, subjectTypes }: { filters: TAuditFilters; subjectTypes: string[] }) {
  const active = Boolean(filters.actor || filters.action || filters.subjectType || filters.subjectId || filters.from || filters.to);
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter audit events">
      <label className="text-xs font-medium text-slate-600">
        Actor
        <input type="search" name="actor" defaultValue={filters.actor} placeholder="email" className={`${FIELD} w-44`} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Action
        <select name="action" defaultValue={filters.action ?? ""} className={`${FIELD} w-48 pr-8`}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {AUDIT_ACTION_LABELS[a]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Subject type
        <select name="subjectType" defaultValue={filters.subjectType ?? ""} className={`${FIELD} w-32 pr-8`}>
          <option value="">Any</option>
          {subjectTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Subject id
        <input type="search" name="subjectId" defaultValue={filters.subjectId} className={`${FIELD} w-44 font-mono`} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        From
        <input type="date" name="from" defaultValue={filters.from} className={`${FIELD} w-36`} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        To
        <input type="date" name="to" defaultValue={filters.to} className={`${FIELD} w-36`} />
      </label>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {active && (
        <Link href="/audit" className="py-2 text-sm font-medium text-slate-600 hover:text-slate-900">
          Clear
        </Link>
      )}
    </form>
  );
}
