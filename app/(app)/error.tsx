"use client";

// Also the fallback for any signed-in section without its own error.tsx.
import { ErrorPanel } from "@/components/ui/error-panel";

export default function SignedInError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="this page" error={error} reset={reset} />;
}
