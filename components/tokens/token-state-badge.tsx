import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TokenState } from "@/lib/auth/token-state";

const STATE_STYLE = {
  active: { label: "Active", tone: "green" },
  expired: { label: "Expired", tone: "yellow" },
  revoked: { label: "Revoked", tone: "gray" },
} as const satisfies Record<TokenState, { label: string; tone: BadgeTone }>;

export function TokenStateBadge({ state }: { state: TokenState }) {
  return <Badge tone={STATE_STYLE[state].tone}>{STATE_STYLE[state].label}</Badge>;
}
