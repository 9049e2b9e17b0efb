"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function EnvironmentsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the environments" error={error} reset={reset} />;
}
