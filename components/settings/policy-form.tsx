"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updatePolicyAction } from "@/lib/actions/update-policy";
import { daysSpanning } from "@/lib/workflow/freeze";
import type { EnvironmentPolicy } from "@/lib/workflow/types";
import type { TPolicyInput } from "@/lib/workflow/stored-policy";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";

const ROLES = ["requester", "approver", "deployer", "admin"] as const;
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const INPUT = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const LABEL = "block text-sm font-medium text-slate-800";

type WindowRow = { key: number; fromDay: number; from: string; toDay: number; to: string; timeZone: string; message: string };

function rowsOf(policy: EnvironmentPolicy): WindowRow[] {
  return policy.freezeWindows.map((w, key) => ({ key, fromDay: w.days[0], from: w.from, toDay: w.days[w.days.length - 1], to: w.to, timeZone: w.timeZone, message: w.message }));
}

function RoleChecks({ legend, name, value, onChange }: { legend: string; name: string; value: string[]; onChange: (roles: string[]) => void }) {
  return (
    <fieldset>
      <legend className={LABEL}>{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {ROLES.map((role) => (
          <label key={role} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              name={name}
              checked={value.includes(role)}
              onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
            />
            {role}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Toggle({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        {hint && <span className="block text-xs text-slate-500">{hint}</span>}
      </span>
    </label>
  );
}

/** One environment's policy. Saving replaces it as a whole; the server validates and audits. */
export function PolicyForm({
  environment,
  policy,
  stored,
  isFirst,
}: {
  environment: { id: string; name: string; timeZone: string };
  policy: EnvironmentPolicy;
  stored: boolean;
  isFirst: boolean;
}) {
  const router = useRouter();
  const [p, setP] = useState(policy);
  const [windows, setWindows] = useState<WindowRow[]>(() => rowsOf(policy));
  const [nextKey, setNextKey] = useState(policy.freezeWindows.length);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof EnvironmentPolicy>(key: K, value: EnvironmentPolicy[K]) => {
    setSaved(false);
    setP((current) => ({ ...current, [key]: value }));
  };
  const setWindow = (key: number, change: Partial<WindowRow>) => {
    setSaved(false);
    setWindows((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  };

  function save() {
    setError(null);
    const input: TPolicyInput = {
      requiredApprovals: p.requiredApprovals,
      approverRoles: p.approverRoles,
      extraApprovalsAtRisk: p.extraApprovalsAtRisk,
      requesterMayNotApprove: p.requesterMayNotApprove,
      approverMayNotDeploy: p.approverMayNotDeploy,
      requirePreviousEnvironment: p.requirePreviousEnvironment,
      deployRoles: p.deployRoles,
      autoDeployOnApproval: p.autoDeployOnApproval,
      autoRollback: p.autoRollback,
      freezeWindows: windows.map((w) => ({ days: daysSpanning(w.fromDay, w.toDay), from: w.from, to: w.to, timeZone: w.timeZone, message: w.message })),
    };
    startTransition(async () => {
      const result = await updatePolicyAction({ environmentId: environment.id, policy: input });
      if (result.ok) {
        setSaved(true);
        router.refresh();
      } else setError(result.message);
    });
  }

  const number = (value: string) => Math.max(0, Math.floor(Number(value) || 0));

  return (
    <form
      aria-label={`Policy for ${environment.name}`}
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {!stored && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="no-policy">
          <Badge tone="yellow" className="mr-2">deny by default</Badge>
          {environment.name} has no policy: nothing can be deployed there except by an admin&apos;s break-glass. The form below starts from the standard policy; save it to apply.
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <label className={LABEL}>
          Required approvals
          <input type="number" min={1} max={10} className={INPUT} value={p.requiredApprovals} onChange={(e) => set("requiredApprovals", number(e.target.value))} />
        </label>
        <label className={LABEL}>
          Extra approvals at high risk
          <input type="number" min={0} max={10} className={INPUT} value={p.extraApprovalsAtRisk.high ?? 0} onChange={(e) => set("extraApprovalsAtRisk", { ...p.extraApprovalsAtRisk, high: number(e.target.value) })} />
        </label>
        <label className={LABEL}>
          Extra approvals at critical risk
          <input type="number" min={0} max={10} className={INPUT} value={p.extraApprovalsAtRisk.critical ?? 0} onChange={(e) => set("extraApprovalsAtRisk", { ...p.extraApprovalsAtRisk, critical: number(e.target.value) })} />
        </label>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <RoleChecks legend="Who may approve" name="approverRoles" value={p.approverRoles} onChange={(v) => set("approverRoles", v as EnvironmentPolicy["approverRoles"])} />
        <RoleChecks legend="Who may deploy" name="deployRoles" value={p.deployRoles} onChange={(v) => set("deployRoles", v as EnvironmentPolicy["deployRoles"])} />
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <Toggle label="The requester's own approval does not count" checked={p.requesterMayNotApprove} onChange={(v) => set("requesterMayNotApprove", v)} />
        <Toggle label="Someone who approved may not deploy" checked={p.approverMayNotDeploy} onChange={(v) => set("approverMayNotDeploy", v)} hint="Separation of duties: requester ≠ approver ≠ deployer" />
        <Toggle label="Require a successful deploy to the previous environment first" checked={p.requirePreviousEnvironment} onChange={(v) => set("requirePreviousEnvironment", v)} />
        <Toggle label="Roll back automatically when a deploy fails" checked={p.autoRollback} onChange={(v) => set("autoRollback", v)} hint="Runs down.sql of what the deploy applied, newest first" />
        {isFirst && (
          <Toggle
            label="Deploy automatically on approval"
            checked={p.autoDeployOnApproval}
            onChange={(v) => set("autoDeployOnApproval", v)}
            hint="The approval that completes this policy queues the deploy, started by that approver"
          />
        )}
      </div>

      <fieldset className="space-y-3">
        <legend className={LABEL}>Freeze windows</legend>
        {windows.length === 0 && <p className="text-sm text-slate-500">No freeze windows: deploys are allowed at any time.</p>}
        {windows.map((w, index) => (
          <div key={w.key} className="grid items-end gap-2 rounded-md border border-slate-200 p-3 md:grid-cols-12" data-testid="freeze-window" aria-label={`Freeze window ${index + 1}`} role="group">
            <label className={`${LABEL} md:col-span-2`}>
              From day
              <select className={INPUT} value={w.fromDay} onChange={(e) => setWindow(w.key, { fromDay: Number(e.target.value) })}>
                {DAYS.map((d, i) => <option key={d} value={i}>{d}</option>)}
              </select>
            </label>
            <label className={`${LABEL} md:col-span-1`}>
              From
              <input className={INPUT} value={w.from} placeholder="16:00" onChange={(e) => setWindow(w.key, { from: e.target.value })} />
            </label>
            <label className={`${LABEL} md:col-span-2`}>
              To day
              <select className={INPUT} value={w.toDay} onChange={(e) => setWindow(w.key, { toDay: Number(e.target.value) })}>
                {DAYS.map((d, i) => <option key={d} value={i}>{d}</option>)}
              </select>
            </label>
            <label className={`${LABEL} md:col-span-1`}>
              To
              <input className={INPUT} value={w.to} placeholder="08:00" onChange={(e) => setWindow(w.key, { to: e.target.value })} />
            </label>
            <label className={`${LABEL} md:col-span-2`}>
              Time zone
              <input className={INPUT} value={w.timeZone} onChange={(e) => setWindow(w.key, { timeZone: e.target.value })} />
            </label>
            <label className={`${LABEL} md:col-span-3`}>
              Message
              <input className={INPUT} value={w.message} onChange={(e) => setWindow(w.key, { message: e.target.value })} />
            </label>
            <Button type="button" variant="secondary" className="md:col-span-1" onClick={() => { setSaved(false); setWindows((rows) => rows.filter((r) => r.key !== w.key)); }}>
              Remove
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setSaved(false);
            setWindows((rows) => [...rows, { key: nextKey, fromDay: 5, from: "16:00", toDay: 1, to: "08:00", timeZone: environment.timeZone, message: "" }]);
            setNextKey((k) => k + 1);
          }}
        >
          Add freeze window
        </Button>
      </fieldset>

      {error && <p className="whitespace-pre-wrap rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="policy-error">{error}</p>}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : `Save ${environment.name} policy`}</Button>
        {saved && <span className="text-sm text-emerald-700" data-testid="policy-saved">Saved. Every change is in the audit log.</span>}
      </div>
    </form>
  );
}
