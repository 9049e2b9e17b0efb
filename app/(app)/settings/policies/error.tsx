"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function PoliciesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the policies" error={error} reset={reset} />;
}
