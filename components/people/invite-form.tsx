"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inviteMemberAction, type InviteResult } from "@/lib/actions/invite-member";
import type { Role } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { Field, fieldError, INPUT, LABEL } from "@/components/auth/form-fields";
import { OneTimeSecret } from "./one-time-secret";
import { ROLE_HINTS, ROLE_LABELS, ROLES } from "./roles";
import { ScopePicker } from "./scope-picker";

/**
 * Invite someone to a project by email. Someone who already has an account is added at once;
 * anyone else gets a single-use link, shown here once, for the admin to send (no email yet).
 */
export function InviteForm({ project }: { project: { id: string; name: string; environments: { id: string; name: string }[] } }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("requester");
  const [scope, setScope] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<InviteResult | null>(null);
  const [pending, startTransition] = useTransition();
  const error = fieldError(message, ["email", "name", "role", "environments"]);
  const prefix = `invite-${project.id}`;

  function submit() {
    setMessage(null);
    setResult(null);
    startTransition(async () => {
      const outcome = await inviteMemberAction({ projectId: project.id, email, name, role, environmentIds: role === "approver" ? scope : [] });
      if (!outcome.ok) return setMessage(outcome.message);
      setResult(outcome.data);
      setEmail("");
      setName("");
      setScope([]);
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <form
        aria-label={`Invite someone to ${project.name}`}
        className="grid items-start gap-3 md:grid-cols-[1fr_1fr_12rem_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field id={`${prefix}-email`} label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={error?.field === "email" ? error.text : null} />
        <Field id={`${prefix}-name`} label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.field === "name" ? error.text : null} />
        <div>
          <label htmlFor={`${prefix}-role`} className={LABEL}>
            Role
          </label>
          <select id={`${prefix}-role`} className={INPUT} value={role} onChange={(e) => setRole(e.target.value as Role)} aria-describedby={`${prefix}-role-hint`}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <p id={`${prefix}-role-hint`} className="mt-1 text-xs text-slate-500">
            {ROLE_HINTS[role]}
          </p>
        </div>
        <Button type="submit" className="md:mt-6" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </Button>
        {role === "approver" && (
          <div className="md:col-span-4">
            <ScopePicker environments={project.environments} value={scope} onChange={setScope} />
            {error?.field === "environments" && <p className="mt-1 text-xs text-red-700">{error.text}</p>}
          </div>
        )}
      </form>
      {error && !error.field && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="invite-error">
          {error.text}
        </p>
      )}
      {result?.kind === "added" && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {result.email} already had an account and was added to {project.name}.
        </p>
      )}
      {result?.kind === "invited" && (
        <OneTimeSecret label={`Invitation link for ${result.email}`} value={result.url} onDone={() => setResult(null)}>
          Copy this link and send it to {result.email} yourself: Sluice does not send email yet. It works once, until{" "}
          {result.expiresAt.slice(0, 16).replace("T", " ")} UTC, and is not shown again (invite again for a new one).
        </OneTimeSecret>
      )}
    </div>
  );
}
