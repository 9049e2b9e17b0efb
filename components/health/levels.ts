import type { BadgeTone } from "@/components/ui/badge";
import { HEALTH_THRESHOLDS, type HealthSample } from "@/lib/health/types";

export type Level = "ok" | "info" | "warning" | "critical";

export const LEVEL_STYLE = {
  ok: { tone: "green", text: "text-slate-900", bar: "bg-emerald-500", label: "OK" },
  info: { tone: "blue", text: "text-blue-700", bar: "bg-blue-500", label: "Attention" },
  warning: { tone: "yellow", text: "text-amber-700", bar: "bg-amber-500", label: "Warning" },
  critical: { tone: "red", text: "text-red-700", bar: "bg-red-500", label: "Critical" },
} as const satisfies Record<Level, { tone: BadgeTone; text: string; bar: string; label: string }>;

const RANK = { ok: 0, info: 1, warning: 2, critical: 3 } as const satisfies Record<Level, number>;

export function worst(...levels: Level[]): Level {
  return levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), "ok" as Level);
}

export function connectionsLevel(s: HealthSample): Level {
  if (s.connections == null || !s.maxConnections) return "ok";
  const share = s.connections / s.maxConnections;
  if (share > HEALTH_THRESHOLDS.connectionsCritical) return "critical";
  if (share > HEALTH_THRESHOLDS.connectionsWarning) return "warning";
  return "ok";
}

export function longTransactionsLevel(s: HealthSample): Level {
  if (!s.longRunningTransactions.length) return "ok";
  return s.longRunningTransactions.some((t) => t.durationSeconds > HEALTH_THRESHOLDS.longTransactionCriticalSeconds) ? "critical" : "warning";
}

export function lockWaitsLevel(s: HealthSample): Level {
  if (!s.lockWaits.length) return "ok";
  return s.lockWaits.some((w) => w.waitSeconds > HEALTH_THRESHOLDS.lockWaitCriticalSeconds) ? "critical" : "warning";
}

export function migrationsLevel(s: HealthSample): Level {
  const m = s.migrations;
  if (!m) return "ok";
  if (m.failed) return "critical";
  if (m.modified || m.unknown) return "warning";
  if (m.pending) return "info";
  return "ok";
}

export function overallLevel(s: HealthSample): Level {
  if (!s.reachable) return "critical";
  return worst(connectionsLevel(s), longTransactionsLevel(s), lockWaitsLevel(s), migrationsLevel(s), s.warnings.length ? "info" : "ok");
}
