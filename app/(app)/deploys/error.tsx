"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function ScheduledDeploysError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="scheduled deploys" error={error} reset={reset} />;
}
