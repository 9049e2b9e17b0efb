"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { refreshProjectAction } from "@/lib/actions/refresh-project";

type Outcome = { ok: true; text: string } | { ok: false; text: string };

/** "Refresh now": fetches the repository on the server, then shows what moved (or why it failed) and reloads the page's data. */
export function RefreshButton({ slug, projectName, size = "normal" }: { slug: string; projectName: string; size?: "normal" | "small" }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function refresh() {
    setOutcome(null);
    startTransition(async () => {
      const result = await refreshProjectAction({ slug });
      if (!result.ok) setOutcome({ ok: false, text: result.message });
      else {
        const { changed, headCommit, migrations } = result.data;
        const short = headCommit.slice(0, 7);
        setOutcome({ ok: true, text: changed ? `Moved to ${short}: ${migrations} migration${migrations === 1 ? "" : "s"} in the folder.` : `Up to date at ${short}.` });
      }
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" className={size === "small" ? "px-2 py-1 text-xs" : undefined} onClick={refresh} disabled={pending} aria-label={`Refresh ${projectName} from its repository`}>
        {pending ? "Fetching…" : "Refresh now"}
      </Button>
      <span role="status" aria-live="polite" className="text-xs">
        {pending && <span className="text-slate-500">Fetching the repository…</span>}
        {!pending && outcome && <span className={outcome.ok ? "text-emerald-700" : "text-red-700"} data-testid="refresh-outcome">{outcome.text}</span>}
      </span>
    </div>
  );
}
