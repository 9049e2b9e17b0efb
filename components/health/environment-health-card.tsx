import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { HEALTH_THRESHOLDS } from "@/lib/health/types";
import type { EnvironmentHealth } from "@/lib/server/health";
import { formatBytes, formatCount, formatSeconds } from "./format";
import { LEVEL_STYLE, connectionsLevel, lockWaitsLevel, longTransactionsLevel, migrationsLevel, overallLevel, worst, type Level } from "./levels";
import { LargestTablesChart } from "./largest-tables-chart";

function Metric({ label, value, level = "ok", children }: { label: string; value: React.ReactNode; level?: Level; children?: React.ReactNode }) {
  return (
    <div className="min-w-0 rounded-md bg-slate-50 px-3 py-2.5 ring-1 ring-slate-200">
      <p className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">{label}</p>
      <p className={cn("mt-1 truncate text-lg font-semibold tabular-nums", LEVEL_STYLE[level].text)}>{value}</p>
      {children}
    </div>
  );
}

function ConnectionsMetric({ health }: { health: EnvironmentHealth }) {
  const s = health.sample;
  const level = connectionsLevel(s);
  const share = s.connections != null && s.maxConnections ? s.connections / s.maxConnections : null;
  return (
    <Metric label="Connections" level={level} value={s.connections == null ? "—" : `${s.connections} / ${s.maxConnections}`}>
      <div className="mt-2 h-1.5 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden>
        <div className={cn("h-full rounded-full", LEVEL_STYLE[level].bar)} style={{ width: `${Math.min(100, Math.round((share ?? 0) * 100))}%` }} />
      </div>
      <p className="mt-1 text-[11px] text-slate-500">
        Warn above {HEALTH_THRESHOLDS.connectionsWarning * 100}%, critical above {HEALTH_THRESHOLDS.connectionsCritical * 100}%
      </p>
    </Metric>
  );
}

function MigrationsMetric({ health }: { health: EnvironmentHealth }) {
  const m = health.sample.migrations;
  const level = migrationsLevel(health.sample);
  if (!m) return <Metric label="Migrations" value="—" />;
  const parts = [
    m.failed ? `${m.failed} failed` : null,
    m.modified ? `${m.modified} modified` : null,
    m.unknown ? `${m.unknown} drift` : null,
    m.pending ? `${m.pending} pending` : null,
  ].filter(Boolean);
  return (
    <Metric label="Migrations" level={level} value={parts.length ? parts.join(" · ") : "Up to date"}>
      <p className="mt-1 text-[11px] text-slate-500">From _prisma_migrations vs the folder</p>
    </Metric>
  );
}

function QueryText({ text }: { text: string | null }) {
  if (!text) return <span className="text-slate-400">—</span>;
  return (
    <code className="block truncate font-mono text-[11px] text-slate-700" title={text}>
      {text}
    </code>
  );
}

function LongTransactions({ health }: { health: EnvironmentHealth }) {
  const s = health.sample;
  const level = longTransactionsLevel(s);
  return (
    <div>
      <h4 className="flex items-center gap-2 text-xs font-semibold text-slate-700">
        Transactions open longer than {formatSeconds(s.longTransactionSeconds)}
        {s.longRunningTransactions.length > 0 && <Badge tone={LEVEL_STYLE[level].tone}>{s.longRunningTransactions.length}</Badge>}
      </h4>
      {s.longRunningTransactions.length === 0 ? (
        <p className="mt-1 text-xs text-slate-500">None.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {s.longRunningTransactions.slice(0, 5).map((t) => (
            <li key={t.pid} className="grid grid-cols-[5rem_6rem_minmax(0,1fr)] items-center gap-2 px-2 py-1.5 text-xs">
              <span className="font-mono text-slate-500">pid {t.pid}</span>
              <span className={cn("tabular-nums font-medium", t.durationSeconds > HEALTH_THRESHOLDS.longTransactionCriticalSeconds ? "text-red-700" : "text-amber-700")}>
                {formatSeconds(t.durationSeconds)}
              </span>
              <div className="min-w-0">
                <span className="text-[11px] text-slate-500">
                  {t.state ?? "?"}
                  {t.applicationName ? ` · ${t.applicationName}` : ""}
                </span>
                <QueryText text={t.query} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LockWaits({ health }: { health: EnvironmentHealth }) {
  const s = health.sample;
  const level = lockWaitsLevel(s);
  return (
    <div>
      <h4 className="flex items-center gap-2 text-xs font-semibold text-slate-700">
        Lock waits
        {s.lockWaits.length > 0 && <Badge tone={LEVEL_STYLE[level].tone}>{s.lockWaits.length}</Badge>}
      </h4>
      {s.lockWaits.length === 0 ? (
        <p className="mt-1 text-xs text-slate-500">No session is waiting for a lock.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" data-testid="lock-waits">
          {s.lockWaits.slice(0, 5).map((w) => (
            <li key={`${w.blockedPid}-${w.blockingPid}`} className="px-2 py-1.5 text-xs">
              <p className="flex flex-wrap items-center gap-x-2 text-slate-600">
                <span className="font-mono">pid {w.blockedPid}</span>
                <span>waits {formatSeconds(w.waitSeconds)} on</span>
                <span className="font-mono">pid {w.blockingPid}</span>
                <span className="text-slate-400">
                  {w.lockMode ?? w.lockType}
                  {w.relation ? ` on ${w.relation}` : ""}
                </span>
              </p>
              <QueryText text={w.blockedQuery} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function EnvironmentHealthCard({ health }: { health: EnvironmentHealth }) {
  const s = health.sample;
  const level = overallLevel(s);
  return (
    <section id={`health-${health.environmentId}`} className="scroll-mt-6 rounded-lg bg-white shadow-sm ring-1 ring-slate-200" data-testid={`health-${health.name}`} aria-label={`${health.projectName} ${health.name} health`}>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="flex items-center gap-3">
          <h3 className="text-sm font-semibold text-slate-900">
            <span className="font-normal text-slate-500">{health.projectName} / </span>
            {health.name}
          </h3>
          <Badge tone={s.reachable ? LEVEL_STYLE[level].tone : "red"}>{s.reachable ? LEVEL_STYLE[level].label : "Unreachable"}</Badge>
        </div>
        <p className="text-xs text-slate-500">
          {s.serverVersion && <>PostgreSQL {s.serverVersion} · </>}
          {s.latencyMs != null && <>{s.latencyMs} ms · </>}
          sampled {s.sampledAt.slice(11, 19)} UTC
        </p>
      </header>
      {!s.reachable ? (
        <div className="px-4 py-4">
          <p className="text-sm font-medium text-red-800">Sluice cannot reach this database.</p>
          <p className="mt-1 break-words font-mono text-xs text-red-700">{s.error}</p>
        </div>
      ) : (
        <div className="space-y-4 px-4 py-4">
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <ConnectionsMetric health={health} />
            <Metric label="Database size" value={formatBytes(s.databaseSizeBytes)}>
              <p className="mt-1 text-[11px] text-slate-500">
                Largest: {s.largestTables[0] ? `${s.largestTables[0].name.replace(/^public\./, "")} (~${formatCount(s.largestTables[0].rowEstimate)} rows)` : "—"}
              </p>
            </Metric>
            <MigrationsMetric health={health} />
            <Metric label="Blocking" level={worst(lockWaitsLevel(s), longTransactionsLevel(s))} value={`${s.lockWaits.length} waiting · ${s.longRunningTransactions.length} long`}>
              <p className="mt-1 text-[11px] text-slate-500">Lock waits over {HEALTH_THRESHOLDS.lockWaitCriticalSeconds} s are critical</p>
            </Metric>
          </div>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <div className="min-w-0">
              <h4 className="mb-2 text-xs font-semibold text-slate-700">Largest tables (total size incl. indexes and TOAST)</h4>
              <LargestTablesChart tables={s.largestTables} />
            </div>
            <div className="min-w-0 space-y-4">
              <LockWaits health={health} />
              <LongTransactions health={health} />
            </div>
          </div>
          {s.warnings.length > 0 && (
            <ul className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800 ring-1 ring-amber-200">
              {s.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
