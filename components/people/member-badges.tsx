import { Badge } from "@/components/ui/badge";

/** What sets an account apart in a list: you, site admin, service account, deactivated, password change pending. */
export function MemberBadges({ account }: { account: { isYou: boolean; siteAdmin: boolean; kind: string; active: boolean; mustChangePassword: boolean } }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {account.isYou && <Badge tone="indigo">you</Badge>}
      {account.siteAdmin && <Badge tone="purple">site admin</Badge>}
      {account.kind === "service" && <Badge tone="blue">service account</Badge>}
      {!account.active && <Badge tone="red">deactivated</Badge>}
      {account.mustChangePassword && <Badge tone="yellow">must change password</Badge>}
    </span>
  );
}
