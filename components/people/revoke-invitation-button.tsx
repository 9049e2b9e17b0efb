"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeInvitationAction } from "@/lib/actions/revoke-invitation";
import { ConfirmButton } from "./confirm-button";

export function RevokeInvitationButton({ invitation }: { invitation: { id: string; email: string } }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <ConfirmButton
        label="Revoke"
        question={`Revoke the invitation for ${invitation.email}? Its link stops working at once.`}
        confirmLabel="Revoke invitation"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeInvitationAction(invitation.id);
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
      />
      {error && <p className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}
