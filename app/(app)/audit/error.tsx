"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function AuditError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the audit log" error={error} reset={reset} />;
}
