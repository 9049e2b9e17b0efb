import Link from "next/link";
import { REQUEST_STATUS_BADGE } from "@/components/status/labels";
import { REQUEST_STATUSES } from "@/lib/schemas/request";
import { Button } from "@/components/ui/button";

const SELECT = "rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

/** A plain GET form: filters live in the URL, so a filtered list can be shared and works without JavaScript. */
export function RequestFiltersForm({
  filters,
  projects,
  requesters,
}: {
  filters: { status?: string; project?: string; requester?: string };
  projects: { slug: string; name: string }[];
  requesters: { email: string; name: string }[];
}) {
  const statusIsSingle = !filters.status || (REQUEST_STATUSES as readonly string[]).includes(filters.status);
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter requests">
      <label className="text-xs font-medium text-slate-600">
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={`mt-1 block ${SELECT}`}>
          <option value="">Any status</option>
          {!statusIsSingle && <option value={filters.status}>{filters.status!.split(",").map((s) => REQUEST_STATUS_BADGE[s as keyof typeof REQUEST_STATUS_BADGE]?.label ?? s).join(" or ")}</option>}
          {REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {REQUEST_STATUS_BADGE[s].label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Project
        <select name="project" defaultValue={filters.project ?? ""} className={`mt-1 block ${SELECT}`}>
          <option value="">Any project</option>
          {projects.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Requester
        <select name="requester" defaultValue={filters.requester ?? ""} className={`mt-1 block ${SELECT}`}>
          <option value="">Anyone</option>
          {requesters.map((r) => (
            <option key={r.email} value={r.email}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
      {(filters.status || filters.project || filters.requester) && (
        <Link href="/requests" className="py-2 text-sm font-medium text-indigo-600 hover:text-indigo-500">
          Clear
        </Link>
      )}
    </form>
  );
}
