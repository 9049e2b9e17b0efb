import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";

export type SourceHeadFacts = {
  kind: string;
  branch: string | null;
  headCommit: string | null;
  headSubject: string | null;
  headCommittedAt: Date | string | null;
  lastFetchedAt: Date | string | null;
  lastFetchError: string | null;
};

/**
 * A git project's branch head as the last fetch left it: branch, short commit, subject and
 * time, when it was fetched, and why the last fetch failed if it did. Read from the database:
 * showing it never runs git.
 */
export function SourceHead({ source, compact = false }: { source: SourceHeadFacts; compact?: boolean }) {
  if (source.kind !== "git") return null;
  return (
    <div className="space-y-1 text-sm" data-testid="source-head">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone="indigo">
          <span className="sr-only">Branch </span>
          {source.branch}
        </Badge>
        {source.headCommit ? (
          <>
            <code className="font-mono text-xs text-slate-900" title={source.headCommit}>
              {source.headCommit.slice(0, 7)}
            </code>
            <span className={compact ? "max-w-[28rem] truncate text-slate-700" : "text-slate-700"} title={source.headSubject ?? undefined}>
              {source.headSubject}
            </span>
            {source.headCommittedAt && (
              <span className="text-xs text-slate-500">
                committed <Time value={source.headCommittedAt} />
              </span>
            )}
          </>
        ) : (
          <span className="text-slate-500">not fetched yet</span>
        )}
      </div>
      <p className="text-xs text-slate-500">
        {source.lastFetchedAt ? (
          <>
            last fetched <Time value={source.lastFetchedAt} />
          </>
        ) : (
          "never fetched"
        )}
      </p>
      {source.lastFetchError && (
        <p className="rounded-md bg-red-50 px-2 py-1 text-xs text-red-800" data-testid="fetch-error">
          <span className="font-semibold">Last fetch failed:</span> {source.lastFetchError}
        </p>
      )}
    </div>
  );
}
