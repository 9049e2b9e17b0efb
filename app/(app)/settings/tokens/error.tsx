"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function TokensError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the API tokens" error={error} reset={reset} />;
}
