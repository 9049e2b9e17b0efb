"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/** A link or temporary password shown this once, with a copy button and what to do with it. */
export function OneTimeSecret({ label, value, children, onDone }: { label: string; value: string; children: React.ReactNode; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3" data-testid="one-time-secret">
      <label htmlFor={id} className="block text-sm font-medium text-emerald-900">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input id={id} readOnly value={value} className="block w-full rounded-md border-0 bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-inset ring-emerald-300" onFocus={(e) => e.target.select()} />
        <Button
          type="button"
          variant="secondary"
          className="shrink-0 px-2 py-1 text-xs"
          onClick={async () => {
            await navigator.clipboard.writeText(value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <div className="mt-2 text-xs text-emerald-900">{children}</div>
      <Button type="button" variant="ghost" className="mt-1 px-2 py-1 text-xs" onClick={onDone}>
        Done, hide it
      </Button>
    </div>
  );
}
