import type { Metadata } from "next";
import Link from "next/link";
import { invitationForLink, INVITATION_PROBLEMS } from "@/lib/server/people/accept-invitation";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { AuthPanel } from "@/components/auth/auth-panel";
import { AcceptInvitationForm } from "@/components/people/accept-invitation-form";

export const metadata: Metadata = { title: "Accept invitation" };
export const dynamic = "force-dynamic";

/** An invitation link: who invited whom to what, then name and password. Public; the link's secret is the proof. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await invitationForLink(token);
  if (!invitation || invitation.state !== "pending") {
    const reason = invitation && invitation.state !== "pending" ? INVITATION_PROBLEMS[invitation.state] : "This invitation link is not valid. Check that you copied all of it, or ask the admin for a new one.";
    return (
      <AuthPanel title="This invitation cannot be used">
        <p className="text-sm text-slate-700" data-testid="invitation-problem">
          {reason}
        </p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm font-semibold text-indigo-700 hover:underline">
          Go to sign in
        </Link>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel
      title={`Join ${invitation.projectName}`}
      intro={
        <span data-testid="invitation-summary">
          {invitation.inviterName} invited you as <strong>{ROLE_LABELS[invitation.role]}</strong>
          {invitation.environments.length > 0 && <> (approving for {invitation.environments.join(", ")})</>}. Choose a password to create your account.
        </span>
      }
    >
      <AcceptInvitationForm token={token} email={invitation.email} name={invitation.name} />
    </AuthPanel>
  );
}
