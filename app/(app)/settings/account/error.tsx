"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function AccountError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="your account" error={error} reset={reset} />;
}
