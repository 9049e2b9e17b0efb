"use client";

import { useState, useTransition } from "react";
import { testEnvironmentConnectionAction } from "@/lib/actions/test-environment-connection";
import type { ConnectionReport, ConnectionToTest } from "@/lib/server/environments";

/** Runs "Test connection" and keeps its outcome until the next run (or until the input changes). */
export function useConnectionTest() {
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [failure, setFailure] = useState<{ message: string; code: string } | null>(null);
  const [testing, startTransition] = useTransition();
  return {
    report,
    failure,
    testing,
    run(target: ConnectionToTest) {
      setReport(null);
      setFailure(null);
      startTransition(async () => {
        const result = await testEnvironmentConnectionAction(target);
        if (result.ok) setReport(result.data);
        else setFailure({ message: result.message, code: result.code });
      });
    },
    clear() {
      setReport(null);
      setFailure(null);
    },
  };
}
