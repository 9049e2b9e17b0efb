"use client";

import { useActionState } from "react";
import { signInWithPassword } from "@/lib/actions/sign-in";
import { Button } from "@/components/ui/button";

const INPUT = "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

export function SignInForm({ error, callbackUrl }: { error?: string; callbackUrl?: string }) {
  const [state, action, pending] = useActionState(signInWithPassword, { error: error ? "Wrong email or password." : undefined });
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="username" required className={INPUT} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={INPUT} />
      </label>
      {state.error && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="sign-in-error">
          {state.error}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
