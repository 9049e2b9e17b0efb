"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function DeploymentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the deployment" error={error} reset={reset} />;
}
