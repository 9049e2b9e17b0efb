"use client";

import { useState, useTransition } from "react";
import { changePasswordAction } from "@/lib/actions/change-password";
import { Button } from "@/components/ui/button";
import { Field, fieldError, NewPasswordFields } from "@/components/auth/form-fields";

/** Current, new and confirmed password. On success every session ends and the sign-in page asks for the new one. */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const error = fieldError(message, ["currentPassword", "newPassword"]);

  return (
    <form
      className="space-y-4"
      aria-label="Change password"
      onSubmit={(e) => {
        e.preventDefault();
        if (password !== confirm) return;
        setMessage(null);
        startTransition(async () => {
          const result = await changePasswordAction({ currentPassword: current, newPassword: password });
          if (result && !result.ok) setMessage(result.message);
        });
      }}
    >
      <Field id="current-password" label="Current password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} error={error?.field === "currentPassword" ? error.text : null} />
      <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} label="New password" error={error?.field === "newPassword" ? error.text : null} />
      {error && !error.field && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error.text}
        </p>
      )}
      <p className="text-xs text-slate-500">Changing it signs you out everywhere, this browser too; sign in again with the new password.</p>
      <Button type="submit" disabled={pending || password !== confirm}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
