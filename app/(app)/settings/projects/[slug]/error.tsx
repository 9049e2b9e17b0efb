"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function ProjectError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the project" error={error} reset={reset} />;
}
