"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { submitRequestAction } from "@/lib/actions/submit-request";
import { Button } from "@/components/ui/button";

export function SubmitDraftButton({ requestId }: { requestId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await submitRequestAction(requestId);
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
      >
        {pending ? "Submitting…" : "Submit for review"}
      </Button>
      {error && <p className="mt-2 text-sm text-red-700">{error}</p>}
    </div>
  );
}
