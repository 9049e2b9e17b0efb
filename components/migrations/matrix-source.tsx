import type { MatrixSource } from "@/lib/server/matrix";
import { SourceHead } from "@/components/projects/source-head";
import { RefreshButton } from "@/components/projects/refresh-button";

/** Above a git project's matrix: the branch head its rows come from, and a way to fetch a newer one. */
export function MatrixSourceBar({ source, projectName }: { source: MatrixSource; projectName: string }) {
  if (source.kind !== "git") return null;
  return (
    <div className="mb-3 flex flex-wrap items-start justify-between gap-3 rounded-md bg-white px-3 py-2 ring-1 ring-slate-200" data-testid={`matrix-source-${source.slug}`}>
      <SourceHead source={source} compact />
      <RefreshButton slug={source.slug} projectName={projectName} size="small" />
    </div>
  );
}
