"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function ApiDocsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the API reference" error={error} reset={reset} />;
}
