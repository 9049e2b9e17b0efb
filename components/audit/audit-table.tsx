import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/lib/audit/actions";
import { isAuditAction, type AuditRow } from "@/lib/server/audit-log";
import { JsonChange } from "./json-change";

const ACTION_TONE = {
  "user.signed_in": "gray",
  "user.signed_out": "gray",
  "request.created": "blue",
  "request.updated": "blue",
  "request.submitted": "blue",
  "request.approved": "green",
  "request.rejected": "red",
  "request.changes_requested": "yellow",
  "request.cancelled": "gray",
  "approval.invalidated": "orange",
  "deployment.started": "purple",
  "deployment.succeeded": "green",
  "deployment.failed": "red",
  "deployment.refused": "orange",
  "deployment.queued": "blue",
  "deployment.rolled_back": "yellow",
  "deployment.cancelled": "gray",
  "deployment.stop_requested": "orange",
  "deployment.abandoned": "red",
  "deployment.break_glass": "red",
  "deployment.restored": "orange",
  "policy.created": "purple",
  "policy.updated": "purple",
  "setup.completed": "purple",
  "user.created": "blue",
  "user.invited": "blue",
  "user.invitation_revoked": "gray",
  "user.invitation_accepted": "green",
  "user.deactivated": "red",
  "user.reactivated": "green",
  "user.password_changed": "gray",
  "user.password_reset": "orange",
  "membership.created": "blue",
  "membership.updated": "purple",
  "membership.removed": "orange",
  "project.created": "purple",
  "project.updated": "purple",
  "project.refreshed": "gray",
  "project.refresh_failed": "red",
  "project.uploaded": "blue",
  "environment.created": "purple",
  "environment.updated": "purple",
  "environment.reordered": "purple",
  "environment.removed": "orange",
  "token.created": "blue",
  "token.revoked": "orange",
} as const satisfies Record<AuditAction, BadgeTone>;

function ActionBadge({ action }: { action: string }) {
  // Events written before an action left the closed list still show, by their raw name.
  if (!isAuditAction(action)) return <Badge>{action}</Badge>;
  return <Badge tone={ACTION_TONE[action]}>{AUDIT_ACTION_LABELS[action]}</Badge>;
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <Table>
      <thead className="bg-slate-50">
        <tr>
          <Th>#</Th>
          <Th>When</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Subject</Th>
          <Th>Change</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((e) => (
          <tr key={e.id} className="hover:bg-slate-50" data-testid="audit-row">
            <Td className="font-mono text-xs text-slate-400">{e.id}</Td>
            <Td className="whitespace-nowrap text-xs">
              <Time value={e.createdAt} />
            </Td>
            <Td>
              <span className="block max-w-[12rem] truncate" title={e.actorEmail}>
                {e.actorEmail}
              </span>
            </Td>
            <Td>
              <ActionBadge action={e.action} />
            </Td>
            <Td>
              <div className="w-[13rem]">
                {e.subjectHref ? (
                  <Link href={e.subjectHref} className="block truncate text-indigo-600 hover:text-indigo-500" title={`${e.subjectType} ${e.subjectId}`}>
                    {e.subjectLabel}
                  </Link>
                ) : (
                  <span className="block truncate" title={`${e.subjectType} ${e.subjectId}`}>
                    <span className="text-slate-500">{e.subjectType}</span> <span className="font-mono text-xs">{e.subjectId}</span>
                  </span>
                )}
                <span className="block truncate text-[11px] text-slate-400">{e.project ?? "No project"}</span>
              </div>
            </Td>
            <Td className="min-w-0">
              <JsonChange before={e.before} after={e.after} metadata={e.metadata} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
