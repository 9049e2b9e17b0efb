import type { DeploymentProgress } from "@/lib/server/deployments";

export const deploymentKeys = {
  all: ["deployments"] as const,
  progress: (id: string) => [...deploymentKeys.all, "progress", id] as const,
};

export async function fetchDeploymentProgress(id: string): Promise<DeploymentProgress> {
  const response = await fetch(`/api/v1/deployments/${encodeURIComponent(id)}`, { cache: "no-store" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body as DeploymentProgress;
}
