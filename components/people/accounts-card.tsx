import { Card } from "@/components/ui/card";
import { ActiveToggleButton, ResetPasswordButton } from "./account-actions";
import { MemberBadges } from "./member-badges";

type Account = { userId: string; name: string; email: string; kind: string; siteAdmin: boolean; active: boolean; mustChangePassword: boolean; projects: number; isYou: boolean };

/** For site admins: every account of the install, including those in no project yet. */
export function AccountsCard({ accounts }: { accounts: Account[] }) {
  return (
    <Card title="All accounts" actions={<span className="text-xs text-slate-500">site admins only</span>}>
      <ul className="divide-y divide-slate-100" aria-label="All accounts">
        {accounts.map((a) => (
          <li key={a.userId} className="flex flex-wrap items-start justify-between gap-3 py-2" data-testid="account-row">
            <div>
              <p className="text-sm font-medium">
                {a.name} <MemberBadges account={a} />
              </p>
              <p className="font-mono text-xs text-slate-500">
                {a.email} · {a.projects === 0 ? "no project" : `${a.projects} project${a.projects === 1 ? "" : "s"}`}
              </p>
            </div>
            {!a.isYou && (
              <div className="flex flex-wrap items-start gap-2">
                {a.kind === "person" && a.active && <ResetPasswordButton account={a} />}
                <ActiveToggleButton account={a} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
