import type { PeopleMember, PendingInvitation } from "@/lib/server/people/queries";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { InviteForm } from "./invite-form";
import { MemberRow } from "./member-row";
import { PendingInvitations } from "./pending-invitations";

type ProjectPeopleData = { id: string; slug: string; name: string; environments: { id: string; name: string }[]; members: PeopleMember[]; invitations: PendingInvitation[] };

/** One project's people: the invite form, the members with their role and scope, open invitations. */
export function ProjectPeople({ project, viewerIsSiteAdmin }: { project: ProjectPeopleData; viewerIsSiteAdmin: boolean }) {
  const { id, name, environments } = project;
  return (
    <Card title={name} actions={<span className="font-mono text-xs text-slate-500">{project.slug}</span>}>
      <InviteForm project={{ id, name, environments }} />
      <section aria-label={`Members of ${name}`} className="mt-6">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Members</h3>
        {project.members.length === 0 ? (
          <div className="mt-2">
            <EmptyState title="No members yet">Invite someone above.</EmptyState>
          </div>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {project.members.map((member) => (
              <MemberRow key={member.userId} project={{ id, name, environments }} member={member} viewerIsSiteAdmin={viewerIsSiteAdmin} />
            ))}
          </ul>
        )}
      </section>
      <PendingInvitations invitations={project.invitations} />
    </Card>
  );
}
