"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function RequestsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="requests" error={error} reset={reset} />;
}
