"use client";

import { Button } from "./button";

/** The body of every section's error.tsx: what failed, and a way to try again. */
export function ErrorPanel({ what, error, reset }: { what: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-6" data-testid="error-panel">
      <h2 className="text-base font-semibold text-red-800">Could not load {what}</h2>
      <p className="mt-2 text-sm text-red-700">
        {error.digest ? "The server hit an error; it has been logged" : error.message}
        {error.digest && <span className="font-mono"> (reference {error.digest})</span>}.
      </p>
      <Button variant="secondary" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
