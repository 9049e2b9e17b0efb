import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_HINTS, ROLE_LABELS } from "./roles";

type Account = { name: string; email: string; siteAdmin: boolean; memberships: { project: string; role: Role; scope: string[] }[] };

/** Who you are and what you may do where. */
export function AccountSummary({ account }: { account: Account }) {
  return (
    <Card title="You">
      <p className="text-sm font-medium">
        {account.name} {account.siteAdmin && <Badge tone="purple">site admin</Badge>}
      </p>
      <p className="font-mono text-xs text-slate-500">{account.email}</p>
      <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Your projects</h3>
      {account.memberships.length === 0 ? (
        <div className="mt-2">
          <EmptyState title="No project yet">{account.siteAdmin ? "Create one under Settings → Projects." : "An admin adds you to projects."}</EmptyState>
        </div>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {account.memberships.map((m) => (
            <li key={m.project} className="py-2">
              <span className="font-medium">{m.project}</span>: {ROLE_LABELS[m.role]} <span className="text-slate-500">({ROLE_HINTS[m.role]})</span>
              {m.role === "approver" && <p className="text-xs text-slate-600">Approves for {m.scope.length ? m.scope.join(", ") : "every environment"}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
