"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function ProjectsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the projects" error={error} reset={reset} />;
}
