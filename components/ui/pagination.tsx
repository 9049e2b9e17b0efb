import Link from "next/link";
import { cn } from "./cn";

/** Previous/next links that keep the current filters in the URL. */
export function Pagination({
  page,
  pageCount,
  total,
  pageSize,
  basePath,
  params,
}: {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const hrefFor = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    if (target > 1) query.set("page", String(target));
    const qs = query.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <p>
        {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={cn(link, "bg-white hover:bg-slate-50")} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={cn(link, "cursor-not-allowed text-slate-300")}>Previous</span>
        )}
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} className={cn(link, "bg-white hover:bg-slate-50")} rel="next">
            Next
          </Link>
        ) : (
          <span className={cn(link, "cursor-not-allowed text-slate-300")}>Next</span>
        )}
      </div>
    </nav>
  );
}
