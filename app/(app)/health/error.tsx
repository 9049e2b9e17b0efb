"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function HealthError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="database health" error={error} reset={reset} />;
}
