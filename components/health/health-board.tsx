"use client";

import { useQuery } from "@tanstack/react-query";
import type { EnvironmentHealth } from "@/lib/server/health";
import { Badge } from "@/components/ui/badge";
import { EnvironmentHealthCard } from "./environment-health-card";
import { LEVEL_STYLE, overallLevel } from "./levels";

export const HEALTH_POLL_MS = 10_000;

export const healthKeys = {
  all: ["health"] as const,
  environments: () => [...healthKeys.all, "environments"] as const,
};

async function fetchHealth(): Promise<EnvironmentHealth[]> {
  // "manual": an expired session is redirected to the sign-in page, which is not JSON.
  const response = await fetch("/api/v1/health", { cache: "no-store", redirect: "manual", headers: { accept: "application/json" } });
  if (response.status === 401 || response.type === "opaqueredirect") throw new Error("Your session has ended: sign in again.");
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.error?.message ?? `Health API answered ${response.status}`);
  }
  const body = (await response.json()) as { environments: EnvironmentHealth[] };
  return body.environments;
}

/** Server-rendered first sample, then live values every 10 s while the tab is open. */
export function HealthBoard({ initial }: { initial: EnvironmentHealth[] }) {
  const query = useQuery({
    queryKey: healthKeys.environments(),
    queryFn: fetchHealth,
    initialData: initial,
    // The server's sample time, so the first client render matches the server's HTML.
    initialDataUpdatedAt: initial[0] ? Date.parse(initial[0].sample.sampledAt) : 0,
    refetchInterval: HEALTH_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: HEALTH_POLL_MS / 2,
  });
  const environments = query.data;
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between text-xs text-slate-500" aria-live="polite">
        <span className="flex items-center gap-2">
          <span className={`inline-block size-2 rounded-full ${query.isError ? "bg-red-500" : "bg-emerald-500"} ${query.isFetching ? "animate-pulse" : ""}`} />
          {query.isError ? `Live updates paused: ${query.error.message}` : `Live · refreshes every ${HEALTH_POLL_MS / 1000} s`}
        </span>
        <span>Last update {new Date(query.dataUpdatedAt).toISOString().slice(11, 19)} UTC</span>
      </div>
      <nav aria-label="Environments overview" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {environments.map((health) => {
          const level = overallLevel(health.sample);
          return (
            <a
              key={health.environmentId}
              href={`#health-${health.environmentId}`}
              className="flex items-center justify-between gap-2 rounded-lg bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-200 hover:ring-indigo-300"
            >
              <span className="truncate">
                <span className="text-slate-500">{health.projectName} / </span>
                <span className="font-medium text-slate-900">{health.name}</span>
              </span>
              <Badge tone={health.sample.reachable ? LEVEL_STYLE[level].tone : "red"}>{health.sample.reachable ? LEVEL_STYLE[level].label : "Unreachable"}</Badge>
            </a>
          );
        })}
      </nav>
      {environments.map((health) => (
        <EnvironmentHealthCard key={health.environmentId} health={health} />
      ))}
    </div>
  );
}
