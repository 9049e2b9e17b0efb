/** Top-level keys whose value differs between before and after, for a one-line summary. */
function changedKeys(before: unknown, after: unknown): { key: string; from: unknown; to: unknown }[] {
  const asObject = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = asObject(before);
  const a = asObject(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => ({ key, from: b[key], to: a[key] }));
}

function short(value: unknown): string {
  if (value === undefined) return "∅";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div className="min-w-0">
      <p className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">{label}</p>
      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-[11px] leading-snug text-slate-800 ring-1 ring-slate-200">
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** Before/after as a compact summary line that expands to the full JSON. */
export function JsonChange({ before, after, metadata }: { before: unknown; after: unknown; metadata: unknown }) {
  if (before == null && after == null && metadata == null) return <span className="text-slate-400">—</span>;
  const changes = changedKeys(before, after);
  const summary = changes.length
    ? changes
        .slice(0, 3)
        .map((c) => (c.from === undefined ? `${c.key}: ${short(c.to)}` : `${c.key}: ${short(c.from)} → ${short(c.to)}`))
        .join(" · ") + (changes.length > 3 ? ` · +${changes.length - 3} more` : "")
    : "Details";
  return (
    <details className="group w-[18rem] max-w-full">
      <summary className="cursor-pointer truncate font-mono text-xs text-slate-600 marker:text-slate-400 hover:text-slate-900">{summary}</summary>
      <div className="mt-2 grid grid-cols-1 gap-2">
        <Json label="Before" value={before} />
        <Json label="After" value={after} />
        <Json label="Metadata" value={metadata} />
      </div>
    </details>
  );
}
