"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function MigrationsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the migration matrix" error={error} reset={reset} />;
}
