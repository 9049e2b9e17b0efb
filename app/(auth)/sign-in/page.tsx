import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SignInNotice } from "@/components/auth/sign-in-notice";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-users";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string; notice?: string }> }) {
  const { error, callbackUrl, notice } = await searchParams;
  const showDemo = env().SLUICE_DEMO === "1";
  return (
    <div className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-3xl">
        <div className="mb-8 text-center">
          <h1 className="text-3xl font-bold tracking-tight">Sluice</h1>
          <p className="mt-2 text-slate-600">Review, approve and roll out PostgreSQL migrations safely.</p>
        </div>
        <div className="grid gap-6 md:grid-cols-2">
          <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-4 text-lg font-semibold">Sign in</h2>
            <SignInNotice notice={notice} />
            <SignInForm error={error} callbackUrl={callbackUrl} />
          </div>
          {showDemo && (
            <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <h2 className="text-lg font-semibold">Demo accounts</h2>
              <p className="mt-1 text-sm text-slate-600">
                Every account&apos;s password is <code className="rounded bg-slate-100 px-1 font-mono" data-testid="demo-password">{DEMO_PASSWORD}</code>.
              </p>
              <ul className="mt-4 divide-y divide-slate-100 text-sm" aria-label="Demo accounts">
                {DEMO_USERS.map((u) => (
                  <li key={u.email} className="flex items-center justify-between py-2">
                    <span>
                      <span className="font-medium">{u.name}</span>
                      <span className="block font-mono text-xs text-slate-500">{u.email}</span>
                    </span>
                    <span className="text-xs font-semibold text-slate-600">{ROLE_LABELS[u.role]}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
