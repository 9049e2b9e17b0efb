"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateMembershipAction } from "@/lib/actions/update-membership";
import { removeMemberAction } from "@/lib/actions/remove-member";
import type { PeopleMember } from "@/lib/server/people/queries";
import type { Role } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { INPUT } from "@/components/auth/form-fields";
import { ActiveToggleButton, ResetPasswordButton } from "./account-actions";
import { ConfirmButton } from "./confirm-button";
import { MemberBadges } from "./member-badges";
import { ROLE_LABELS, ROLES } from "./roles";
import { ScopePicker } from "./scope-picker";

/** One member of a project: role and approver scope edited in place, and the admin's actions on them. */
export function MemberRow({ project, member, viewerIsSiteAdmin }: { project: { id: string; name: string; environments: { id: string; name: string }[] }; member: PeopleMember; viewerIsSiteAdmin: boolean }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(member.role);
  const [scope, setScope] = useState<string[]>(member.environmentIds);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const effectiveScope = role === "approver" ? scope : [];
  const dirty = role !== member.role || effectiveScope.length !== member.environmentIds.length || effectiveScope.some((id) => !member.environmentIds.includes(id));
  const run = (work: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      setError(null);
      const result = await work();
      if (result.ok) router.refresh();
      else setError(result.message ?? "Something went wrong.");
    });

  return (
    <li className="flex flex-wrap items-start gap-x-6 gap-y-3 px-4 py-3" aria-label={member.name} data-testid="member-row">
      <div className="min-w-56 flex-1">
        <p className="text-sm font-medium text-slate-900">
          {member.name} <MemberBadges account={member} />
        </p>
        <p className="font-mono text-xs text-slate-500">{member.email}</p>
      </div>
      <div className="w-64 space-y-2">
        <label className="sr-only" htmlFor={`role-${project.id}-${member.userId}`}>
          Role of {member.name}
        </label>
        <select id={`role-${project.id}-${member.userId}`} className={INPUT} value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={pending}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {role === "approver" && <ScopePicker environments={project.environments} value={scope} onChange={setScope} />}
        {dirty && (
          <div className="flex gap-2">
            <Button type="button" className="px-2 py-1 text-xs" disabled={pending} onClick={() => run(() => updateMembershipAction({ projectId: project.id, userId: member.userId, role, environmentIds: effectiveScope }))}>
              Save
            </Button>
            <Button
              type="button"
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => {
                setRole(member.role);
                setScope(member.environmentIds);
              }}
            >
              Undo
            </Button>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <ConfirmButton
          label="Remove"
          question={`Remove ${member.name} from ${project.name}? Their past decisions stay in the history but stop counting toward policies.`}
          confirmLabel="Remove from project"
          pending={pending}
          onConfirm={() => run(() => removeMemberAction({ projectId: project.id, userId: member.userId }))}
        />
        {member.mayResetPassword && member.active && <ResetPasswordButton account={member} />}
        {viewerIsSiteAdmin && !member.isYou && <ActiveToggleButton account={member} />}
      </div>
      {error && (
        <p role="alert" className="basis-full text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
