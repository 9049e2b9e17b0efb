"use client";

import { useState, useTransition } from "react";
import { acceptInvitationAction } from "@/lib/actions/accept-invitation";
import { Button } from "@/components/ui/button";
import { Field, fieldError, NewPasswordFields } from "@/components/auth/form-fields";

/** The invitee's name (prefilled by the admin, theirs to correct) and password; the email is the invitation's. */
export function AcceptInvitationForm({ token, email, name: invitedName }: { token: string; email: string; name: string }) {
  const [name, setName] = useState(invitedName);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const error = fieldError(message, ["name", "password"]);

  return (
    <form
      className="space-y-4"
      aria-label="Create your account"
      onSubmit={(e) => {
        e.preventDefault();
        if (password !== confirm) return;
        setMessage(null);
        startTransition(async () => {
          const result = await acceptInvitationAction({ token, name, password });
          if (!result.ok) setMessage(result.message);
        });
      }}
    >
      <Field id="invite-email" label="Email" type="email" value={email} readOnly disabled hint="Your sign-in name, as the invitation says." />
      <Field id="invite-name" label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.field === "name" ? error.text : null} />
      <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} error={error?.field === "password" ? error.text : null} />
      {error && !error.field && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="invitation-error">
          {error.text}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending || password !== confirm}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
