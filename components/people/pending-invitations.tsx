import type { PendingInvitation } from "@/lib/server/people/queries";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { RevokeInvitationButton } from "./revoke-invitation-button";
import { ROLE_LABELS } from "./roles";

/** Invitations not yet accepted: who, as what, until when; expired ones stay listed until revoked. */
export function PendingInvitations({ invitations }: { invitations: PendingInvitation[] }) {
  if (invitations.length === 0) return null;
  return (
    <section aria-label="Pending invitations" className="mt-4">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Pending invitations</h3>
      <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {invitations.map((i) => (
          <li key={i.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-2 text-sm" data-testid="pending-invitation">
            <div>
              <span className="font-medium">{i.name}</span> <span className="font-mono text-xs text-slate-500">{i.email}</span>
              <p className="text-xs text-slate-600">
                {ROLE_LABELS[i.role]}
                {i.scope.length > 0 && <> · approves for {i.scope.join(", ")}</>} · invited by {i.invitedBy} ·{" "}
                {i.expired ? <Badge tone="red">expired</Badge> : <>expires <Time value={i.expiresAt} /></>}
              </p>
            </div>
            <RevokeInvitationButton invitation={i} />
          </li>
        ))}
      </ul>
    </section>
  );
}
