import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { accountOf } from "@/lib/server/people/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/people/change-password-form";
import { AccountSummary } from "@/components/people/account-summary";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const account = await accountOf(await requireUser());
  return (
    <>
      <PageHeader title="Your account" />
      {account.mustChangePassword && (
        <div className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" role="status" data-testid="password-change-required">
          An admin reset your password. Choose a new one to go on: until then, every page brings you back here.
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <AccountSummary account={account} />
        <Card title="Change password">
          {account.hasPassword ? (
            <ChangePasswordForm />
          ) : (
            <p className="text-sm text-slate-600">This is a service account: it has no password and signs in with API tokens only.</p>
          )}
        </Card>
      </div>
    </>
  );
}
