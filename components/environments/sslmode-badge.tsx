import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SslMode } from "@/lib/server/environments/connection-url";

const SSL_LABELS = {
  "verify-full": { tone: "green", label: "TLS, verified (verify-full)" },
  "verify-ca": { tone: "green", label: "TLS, CA verified (verify-ca)" },
  require: { tone: "yellow", label: "TLS, not verified (require)" },
  prefer: { tone: "gray", label: "no TLS (prefer)" },
  allow: { tone: "gray", label: "no TLS (allow)" },
  disable: { tone: "gray", label: "no TLS (disable)" },
} as const satisfies Record<SslMode, { tone: BadgeTone; label: string }>;

/** How the connection is protected, in words: what sslmode means, not just its value. */
export function SslModeBadge({ sslmode, hasCaCert }: { sslmode: SslMode | null; hasCaCert: boolean }) {
  if (sslmode === null) return <Badge tone="gray">no TLS (no sslmode)</Badge>;
  const { tone, label } = SSL_LABELS[sslmode];
  // libpq checks the chain when a CA is given, even with require.
  if (sslmode === "require" && hasCaCert) return <Badge tone="green">TLS, CA verified (require + CA)</Badge>;
  return <Badge tone={tone}>{label}</Badge>;
}
