"use client";

import { useState, useTransition } from "react";
import { completeSetupAction } from "@/lib/actions/complete-setup";
import { Button } from "@/components/ui/button";
import { Field, fieldError, NewPasswordFields } from "./form-fields";

/** The first admin's name, email and password; the setup link's secret rides along hidden. */
export function SetupForm({ token }: { token: string }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const error = fieldError(message, ["name", "email", "password"]);

  return (
    <form
      className="space-y-4"
      aria-label="Create the first admin"
      onSubmit={(e) => {
        e.preventDefault();
        if (password !== confirm) return;
        setMessage(null);
        startTransition(async () => {
          const result = await completeSetupAction({ token, name, email, password });
          if (!result.ok) setMessage(result.message);
        });
      }}
    >
      <Field id="setup-name" label="Your name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.field === "name" ? error.text : null} />
      <Field id="setup-email" label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={error?.field === "email" ? error.text : null} />
      <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} error={error?.field === "password" ? error.text : null} />
      {error && !error.field && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="setup-error">
          {error.text}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending || password !== confirm}>
        {pending ? "Creating…" : "Create admin"}
      </Button>
    </form>
  );
}
