"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function HistoryError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="deploy history" error={error} reset={reset} />;
}
