/** The red flag every break-glass deploy carries wherever it is shown, with the written reason on hover. */
export function BreakGlassFlag({ reason, withReason = false }: { reason: string | null | undefined; withReason?: boolean }) {
  if (!reason) return null;
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="break-glass-flag">
      <span className="inline-flex items-center rounded-md bg-red-600 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-white" title={`Break-glass: ${reason}`}>
        break-glass
      </span>
      {withReason && <span className="text-sm text-red-800">{reason}</span>}
    </span>
  );
}
