import type { DeploymentProgress, DeployOption } from "@/lib/server/deployments";

export const deploymentKeys = {
  all: ["deployments"] as const,
  progress: (id: string) => [...deploymentKeys.all, "progress", id] as const,
  options: (requestId: string) => [...deploymentKeys.all, "options", requestId] as const,
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  const body = await response.json().catch(() => ({}));
  // Every /api/v1 failure is { error: { code, message, details } }.
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body as T;
}

export function fetchDeploymentProgress(id: string): Promise<DeploymentProgress> {
  return getJson(`/api/v1/deployments/${encodeURIComponent(id)}`);
}

export async function fetchDeployOptions(requestId: string): Promise<DeployOption[]> {
  return (await getJson<{ environments: DeployOption[] }>(`/api/v1/deployments/options?requestId=${encodeURIComponent(requestId)}`)).environments;
}
