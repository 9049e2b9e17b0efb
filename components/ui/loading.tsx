/** The skeleton every section's loading.tsx shows while its server component fetches. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading {label}…</span>
      <div className="mb-6 h-8 w-64 rounded bg-slate-200" />
      <div className="space-y-3">
        <div className="h-20 rounded-lg bg-slate-200" />
        <div className="h-40 rounded-lg bg-slate-200" />
        <div className="h-40 rounded-lg bg-slate-200" />
      </div>
    </div>
  );
}
