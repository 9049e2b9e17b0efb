"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelDeploymentAction } from "@/lib/actions/cancel-deployment";
import { Button } from "@/components/ui/button";

export function CancelScheduledButton({ deploymentId, label }: { deploymentId: string; label: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Cancel
      </Button>
    );
  }
  return (
    <span role="dialog" aria-label={`Cancel the scheduled deploy of ${label}`} className="inline-flex flex-col items-end gap-1">
      <span className="text-xs">Cancel the scheduled deploy of {label}?</span>
      <span className="flex gap-2">
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await cancelDeploymentAction({ deploymentId });
              if (!result.ok) setMessage(result.message);
              setConfirming(false);
              router.refresh();
            })
          }
        >
          Yes, cancel it
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </span>
      {message && <span className="text-xs text-red-700">{message}</span>}
    </span>
  );
}
