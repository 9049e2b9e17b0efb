"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeApiTokenAction } from "@/lib/actions/revoke-api-token";
import { ConfirmButton } from "@/components/people/confirm-button";

/** Revoke, after a confirmation naming the token: anything using it stops at once. */
export function RevokeTokenButton({ tokenId, label }: { tokenId: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmButton
        label="Revoke"
        question={<>Revoke {label}? Every pipeline or script using it is refused from now on. This cannot be undone.</>}
        confirmLabel="Yes, revoke it"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            setError(null);
            const result = await revokeApiTokenAction({ tokenId });
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
      />
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
