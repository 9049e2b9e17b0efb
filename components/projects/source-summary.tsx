import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { SOURCE_KIND_LABELS } from "@/lib/schemas/project";
import type { ProjectView } from "@/lib/server/projects/view";
import { SourceHead } from "./source-head";

/** Where a project's migrations come from, in a line or two: the repository and its head, the folder, or the latest upload. */
export function SourceSummary({ project, compact = false }: { project: ProjectView; compact?: boolean }) {
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={project.sourceKind === "git" ? "indigo" : project.sourceKind === "upload" ? "purple" : "gray"}>{SOURCE_KIND_LABELS[project.sourceKind]}</Badge>
        {project.sourceKind === "git" && (
          <span className="break-all font-mono text-xs text-slate-700">
            {project.gitUrl}
            {project.gitPath ? ` · ${project.gitPath}` : ""}
          </span>
        )}
        {project.sourceKind === "folder" && <span className="break-all font-mono text-xs text-slate-700">{project.folderPath}</span>}
      </div>
      {project.sourceKind === "git" && (
        <SourceHead
          compact={compact}
          source={{ kind: "git", branch: project.gitBranch, headCommit: project.headCommit, headSubject: project.headSubject, headCommittedAt: project.headCommittedAt, lastFetchedAt: project.lastFetchedAt, lastFetchError: project.lastFetchError }}
        />
      )}
      {project.sourceKind === "upload" && (
        <p className="text-xs text-slate-500">
          {project.snapshot ? (
            <>
              latest upload <Time value={project.snapshot.createdAt} />
              {project.snapshot.branch ? ` from ${project.snapshot.branch}` : ""}
              {project.snapshot.commit ? ` at ${project.snapshot.commit.slice(0, 7)}` : ""}
            </>
          ) : (
            "nothing uploaded yet"
          )}
        </p>
      )}
    </div>
  );
}
