"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { decideRequestAction } from "@/lib/actions/decide-request";
import { Button } from "@/components/ui/button";

type Decision = "approved" | "rejected" | "changes_requested";

export function DecisionPanel({
  requestId,
  lintHash,
  mayApprove,
  mayReject,
  mayRequestChanges,
}: {
  requestId: string;
  /** The lint report this page shows: the decision is bound to it. */
  lintHash: string | null;
  mayApprove: boolean;
  mayReject: boolean;
  mayRequestChanges: boolean;
}) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function decide(decision: Decision) {
    setError(null);
    startTransition(async () => {
      const result = await decideRequestAction({ requestId, decision, comment }, lintHash);
      if (result.ok) {
        setComment("");
        router.refresh();
      } else setError(result.message);
    });
  }

  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium">
        Comment
        <textarea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={3}
          className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
          placeholder="Required when rejecting or asking for changes"
        />
      </label>
      {error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="decision-error">{error}</p>}
      <div className="flex flex-wrap gap-2">
        {mayApprove && <Button variant="success" disabled={pending} onClick={() => decide("approved")}>Approve</Button>}
        {mayRequestChanges && <Button variant="secondary" disabled={pending} onClick={() => decide("changes_requested")}>Request changes</Button>}
        {mayReject && <Button variant="danger" disabled={pending} onClick={() => decide("rejected")}>Reject</Button>}
      </div>
    </div>
  );
}
