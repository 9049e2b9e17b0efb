import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { ProjectView } from "@/lib/server/projects/view";
import { SourceSummary } from "./source-summary";

/** Every project the viewer may see: name and slug, where its migrations come from and how fresh, their role. */
export function ProjectsTable({ projects }: { projects: ProjectView[] }) {
  return (
    <Table>
      <thead className="bg-slate-50">
        <tr>
          <Th>Project</Th>
          <Th>Source</Th>
          <Th>Environments</Th>
          <Th>Your role</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {projects.map((project) => (
          <tr key={project.slug} data-testid={`project-row-${project.slug}`}>
            <Td>
              <Link href={`/settings/projects/${project.slug}`} className="font-medium text-indigo-700 hover:underline">
                {project.name}
              </Link>
              <p className="font-mono text-xs text-slate-500">{project.slug}</p>
            </Td>
            <Td className="max-w-xl">
              <SourceSummary project={project} compact />
            </Td>
            <Td>{project.environments.length ? project.environments.map((e) => e.name).join(" → ") : <span className="text-slate-400">none yet</span>}</Td>
            <Td>{project.role ? ROLE_LABELS[project.role] : <span className="text-slate-500">site admin</span>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
