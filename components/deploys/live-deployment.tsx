"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { DeploymentProgress } from "./deployment-progress";

/** Live progress on a server-rendered page: when the deploy ends, the page reloads its record. */
export function LiveDeployment({ deploymentId }: { deploymentId: string }) {
  const router = useRouter();
  const finished = useCallback(() => router.refresh(), [router]);
  return <DeploymentProgress deploymentId={deploymentId} onFinished={finished} showLog />;
}
