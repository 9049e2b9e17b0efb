"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { setUserActiveAction } from "@/lib/actions/set-user-active";
import { ConfirmButton } from "./confirm-button";
import { OneTimeSecret } from "./one-time-secret";

type Account = { userId: string; name: string; email: string; active: boolean };

/** Reset password: a temporary one shown once to the admin; the person must change it at their next sign-in. */
export function ResetPasswordButton({ account }: { account: Account }) {
  const [temporary, setTemporary] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  return (
    <div className="inline-block">
      <ConfirmButton
        label="Reset password"
        question={`Give ${account.name} a temporary password? Their sessions end now, and they must choose a new password at the next sign-in.`}
        confirmLabel="Reset password"
        variant="primary"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            setError(null);
            const result = await resetPasswordAction(account.userId);
            if (result.ok) {
              setTemporary(result.data.temporaryPassword);
              router.refresh();
            } else setError(result.message);
          })
        }
      />
      {error && <p className="mt-1 text-xs text-red-700">{error}</p>}
      {temporary && (
        <div className="mt-2 w-80">
          <OneTimeSecret label={`Temporary password for ${account.email}`} value={temporary} onDone={() => setTemporary(null)}>
            Pass it on privately. It is not shown again; {account.name} chooses a new one when signing in with it.
          </OneTimeSecret>
        </div>
      )}
    </div>
  );
}

/** Deactivate (sign-in, sessions and API tokens stop at once) or reactivate: site admins only. */
export function ActiveToggleButton({ account }: { account: Account }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const run = (active: boolean) =>
    startTransition(async () => {
      setError(null);
      const result = await setUserActiveAction({ userId: account.userId, active });
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  return (
    <div className="inline-block">
      {account.active ? (
        <ConfirmButton
          label="Deactivate"
          question={`Deactivate ${account.name}? They are signed out everywhere and their API tokens stop working at once. Their past approvals stay in the history but no longer count.`}
          confirmLabel="Deactivate"
          pending={pending}
          onConfirm={() => run(false)}
        />
      ) : (
        <ConfirmButton
          label="Reactivate"
          question={`Reactivate ${account.name}? They can sign in again, their API tokens work again, and their roles apply again.`}
          confirmLabel="Reactivate"
          variant="primary"
          pending={pending}
          onConfirm={() => run(true)}
        />
      )}
      {error && <p className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}
