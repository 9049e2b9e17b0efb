"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function PeopleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="people" error={error} reset={reset} />;
}
