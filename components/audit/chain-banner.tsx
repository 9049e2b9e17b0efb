import type { ChainVerdict } from "@/lib/server/audit-log";

export function ChainBanner({ verdict }: { verdict: ChainVerdict }) {
  if (verdict.intact) {
    return (
      <div role="status" className="mb-4 flex items-start gap-3 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200" data-testid="chain-intact">
        <span aria-hidden className="mt-0.5 font-bold">✓</span>
        <p>
          <span className="font-semibold">Hash chain verified.</span> All {verdict.events} events link to their predecessor; none has been edited or removed.
        </p>
      </div>
    );
  }
  return (
    <div role="alert" className="mb-4 flex items-start gap-3 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-300" data-testid="chain-broken">
      <span aria-hidden className="mt-0.5 font-bold">!</span>
      <p>
        <span className="font-semibold">Hash chain broken at event #{verdict.brokenAt}.</span> That event, or one before it, was edited or deleted after it was
        written. Events from #{verdict.brokenAt} on cannot be trusted as recorded; compare with an exported copy.
      </p>
    </div>
  );
}
