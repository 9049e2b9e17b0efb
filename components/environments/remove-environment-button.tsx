"use client";

import { ConfirmButton } from "@/components/people/confirm-button";
import type { EnvironmentHistory } from "@/lib/server/environments";

function consequence(name: string, history: EnvironmentHistory): string {
  if (history.activeDeployments > 0) return `A deploy to ${name} is queued or running: removal is refused until it finishes or is stopped.`;
  if (history.deployments > 0 || history.approvals > 0 || history.approverScopes > 0) {
    const parts = [
      history.deployments ? `${history.deployments} deployment${history.deployments === 1 ? "" : "s"}` : null,
      history.approvals ? `${history.approvals} approval${history.approvals === 1 ? "" : "s"}` : null,
      history.approverScopes ? `${history.approverScopes} approver scope${history.approverScopes === 1 ? "" : "s"} naming it` : null,
    ].filter(Boolean);
    return `It leaves the chain; its history (${parts.join(" and ")}) stays in History and the audit log under the name ${name}. Its database is not touched.`;
  }
  return `It has no deployments, approvals or approver scopes, so it is deleted with its policy. Its database is not touched.`;
}

/** Remove, after a question that names the environment and says what happens to its history. */
export function RemoveEnvironmentButton({ name, history, pending, onConfirm }: { name: string; history: EnvironmentHistory; pending: boolean; onConfirm: () => void }) {
  return (
    <ConfirmButton
      label="Remove"
      question={
        <>
          Remove <strong className="font-mono">{name}</strong> from the chain? {consequence(name, history)}
        </>
      }
      confirmLabel={`Remove ${name}`}
      pending={pending}
      onConfirm={onConfirm}
    />
  );
}
