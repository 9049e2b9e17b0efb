"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { zonedLocalToInstant } from "@/lib/deploy/zoned-time";
import { reasonsInWords } from "@/lib/workflow/policy";
import type { DeployOption } from "@/lib/server/deployments";

export const BREAK_GLASS_MIN_REASON = 10;

/** An admin deploying past the policy: a written reason (kept with the deployment and in the audit log) and an explicit confirmation. */
export function BreakGlassDialog({ environment, migrations, onCancel, onConfirm }: { environment: DeployOption; migrations: string[]; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  const [understood, setUnderstood] = useState(false);
  const trimmed = reason.trim();
  const tooShort = trimmed.length < BREAK_GLASS_MIN_REASON;
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="break-glass-title" className="rounded-md border border-red-400 bg-red-50 p-4">
      <h3 id="break-glass-title" className="text-sm font-semibold text-red-900">Break glass: deploy to {environment.name} past the policy</h3>
      <p className="mt-1 text-sm text-red-900">The policy refuses this deploy: {reasonsInWords(environment.reasons)}</p>
      <p className="mt-1 text-sm text-red-900">
        Runs {migrations.map((m) => <code key={m} className="mr-1 font-mono">{m}</code>)} anyway. The deployment is flagged break-glass in the deploy panel, the history and the audit log, with your reason.
      </p>
      <label className="mt-3 block text-sm font-medium text-red-900" htmlFor="break-glass-reason">
        Reason (required, at least {BREAK_GLASS_MIN_REASON} characters)
      </label>
      <textarea
        id="break-glass-reason"
        className="mt-1 w-full rounded-md border border-red-300 bg-white p-2 text-sm"
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="e.g. Incident 4812: the index is needed now to stop the checkout timeouts"
        autoFocus
      />
      {reason && tooShort && <p className="mt-1 text-xs text-red-700">{BREAK_GLASS_MIN_REASON - trimmed.length} more characters needed.</p>}
      <label className="mt-2 flex items-center gap-2 text-sm text-red-900">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />I take responsibility for deploying past the policy
      </label>
      <div className="mt-3 flex gap-2">
        <Button variant="danger" disabled={tooShort || !understood} onClick={() => onConfirm(trimmed)}>
          Break glass and deploy to {environment.name}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** Picks a time in the environment's own time zone; the server refuses past times and times inside a freeze window. */
export function ScheduleDialog({ environment, onCancel, onConfirm }: { environment: DeployOption; onCancel: () => void; onConfirm: (runAtIso: string) => void }) {
  const [local, setLocal] = useState("");
  // Decided when the value changes: "now" is not something to read while rendering.
  const [past, setPast] = useState(false);
  const instant = local ? zonedLocalToInstant(local, environment.timeZone) : null;
  const choose = (value: string) => {
    const at = value ? zonedLocalToInstant(value, environment.timeZone) : null;
    setLocal(value);
    setPast(at !== null && at.getTime() < Date.now());
  };
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="schedule-title" className="rounded-md border border-indigo-300 bg-indigo-50 p-4">
      <h3 id="schedule-title" className="text-sm font-semibold">Schedule the deploy to {environment.name}</h3>
      <label className="mt-2 block text-sm" htmlFor="schedule-at">
        Run at ({environment.timeZone} time)
      </label>
      <input id="schedule-at" type="datetime-local" className="mt-1 rounded-md border border-slate-300 bg-white p-1 text-sm" value={local} onChange={(e) => choose(e.target.value)} />
      {instant && !past && <p className="mt-1 text-xs text-slate-600">That is {instant.toLocaleString()} in your browser&apos;s time zone.</p>}
      {past && <p className="mt-1 text-xs text-red-700">That time is in the past.</p>}
      <p className="mt-1 text-xs text-slate-600">
        The policy is checked for that time now and again when it runs. Scheduled deploys are listed on <Link href="/deploys" className="underline">Scheduled deploys</Link>.
      </p>
      <div className="mt-3 flex gap-2">
        <Button disabled={!instant || past} onClick={() => instant && onConfirm(instant.toISOString())}>
          Schedule
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
