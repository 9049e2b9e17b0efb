import { isEngineError, migrationStatus, redactUrl, type MigrationState, type MigrationStateEntry } from "@/lib/engine";
import type { CurrentUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { withDeadline, withStatementTimeout } from "@/lib/health/target-url";
import { readableProjects, type ReadableProject } from "./readable-projects";
import { environmentUrl, sourceMigrations } from "./projects";

const STATUS_TIMEOUT_MS = 5_000;
const LOGS_EXCERPT_CHARS = 600;

export type MatrixCell = {
  state: MigrationState;
  startedAt: Date | null;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  /** The database's failure log for this migration, shortened. */
  logsExcerpt: string | null;
  /** Times this migration was started here (a rolled-back, re-applied one has several rows). */
  attempts: number;
};

export type MatrixColumn =
  | { environmentId: string; name: string; ok: true; historyTableExists: boolean; deployInProgress: boolean }
  | { environmentId: string; name: string; ok: false; error: string };

export type MatrixRow = {
  name: string;
  inSource: boolean;
  /** Aligned with the columns; null where the target has no record of the migration, or could not be read. */
  cells: (MatrixCell | null)[];
};

export type ProjectMatrix = {
  projectId: string;
  projectName: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Set when the project's migrations folder itself could not be read. */
  sourceError: string | null;
  /** Where the rows come from: for a git project, the branch head as of the last fetch (the matrix never fetches). */
  source: MatrixSource;
};

export type MatrixSource = {
  slug: string;
  kind: string;
  branch: string | null;
  headCommit: string | null;
  headSubject: string | null;
  headCommittedAt: Date | null;
  lastFetchedAt: Date | null;
  lastFetchError: string | null;
};

/** What one target said: its status entries, or why it could not be asked. */
export type ColumnInput =
  | { environmentId: string; name: string; ok: true; entries: MigrationStateEntry[]; historyTableExists: boolean; deployInProgress: boolean }
  | { environmentId: string; name: string; ok: false; error: string };

function cellOf(entry: MigrationStateEntry): MatrixCell {
  const logs = entry.row?.logs?.trim() || null;
  return {
    state: entry.state,
    startedAt: entry.row?.started_at ?? null,
    finishedAt: entry.row?.finished_at ?? null,
    rolledBackAt: entry.row?.rolled_back_at ?? null,
    logsExcerpt: logs && logs.length > LOGS_EXCERPT_CHARS ? `${logs.slice(0, LOGS_EXCERPT_CHARS)}…` : logs,
    attempts: entry.rows.length,
  };
}

/**
 * Pure: one row per migration named in the source or in any target's history, in
 * Prisma's order (names compared with localeCompare), one cell per environment.
 * A name no target and no source knows cannot appear; a name only some targets know is
 * drift, shown on those targets and empty elsewhere.
 */
export function buildMatrixRows(sourceNames: string[], columns: ColumnInput[]): MatrixRow[] {
  const inSource = new Set(sourceNames);
  const names = new Set(sourceNames);
  const byColumn = columns.map((column) => {
    const map = new Map<string, MigrationStateEntry>();
    if (column.ok) for (const entry of column.entries) map.set(entry.name, entry);
    for (const name of map.keys()) names.add(name);
    return map;
  });
  return [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({
      name,
      inSource: inSource.has(name),
      cells: byColumn.map((map) => {
        const entry = map.get(name);
        return entry ? cellOf(entry) : null;
      }),
    }));
}

export function columnHeader(column: ColumnInput): MatrixColumn {
  if (!column.ok) return column;
  const { environmentId, name, historyTableExists, deployInProgress } = column;
  return { environmentId, name, ok: true, historyTableExists, deployInProgress };
}

function describeFailure(error: unknown): string {
  if (isEngineError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

async function projectMatrix(project: ReadableProject, head: MatrixSource): Promise<ProjectMatrix> {
  let source;
  try {
    source = await sourceMigrations(project);
  } catch (error) {
    return { projectId: project.id, projectName: project.name, columns: [], rows: [], sourceError: describeFailure(error), source: head };
  }
  // Every target at once: a slow or dead one costs its own timeout, not the sum.
  const columns = await Promise.all(
    project.environments.map(async (environment): Promise<ColumnInput> => {
      const base = { environmentId: environment.id, name: environment.name };
      let target: string | null = null;
      let url: string | null = null;
      try {
        target = environmentUrl(environment);
        url = withStatementTimeout(target, STATUS_TIMEOUT_MS);
        const report = await withDeadline(
          migrationStatus({ url, migrations: source, applicationName: "sluice-matrix" }),
          STATUS_TIMEOUT_MS * 2,
          `${environment.name} did not answer within ${(STATUS_TIMEOUT_MS * 2) / 1000} s`,
        );
        return { ...base, ok: true, entries: report.migrations, historyTableExists: report.historyTableExists, deployInProgress: report.deployInProgress.length > 0 };
      } catch (error) {
        // Name the target as configured, not with the timeouts added for this probe.
        const message = describeFailure(error);
        return { ...base, ok: false, error: target && url ? message.replaceAll(redactUrl(url), redactUrl(target)) : message };
      }
    }),
  );
  return {
    projectId: project.id,
    projectName: project.name,
    columns: columns.map(columnHeader),
    rows: buildMatrixRows(source.map((m) => m.name), columns),
    sourceError: null,
    source: head,
  };
}

/** The live migration state of every project the viewer may read, each target queried in parallel. */
export async function loadMigrationMatrices(user: CurrentUser): Promise<ProjectMatrix[]> {
  const projects = await readableProjects(user, "history.read");
  const heads = await db().project.findMany({
    where: { id: { in: projects.map((p) => p.id) } },
    select: { id: true, slug: true, sourceKind: true, gitBranch: true, headCommit: true, headSubject: true, headCommittedAt: true, lastFetchedAt: true, lastFetchError: true },
  });
  return Promise.all(
    projects.map((project) => {
      const head = heads.find((h) => h.id === project.id)!;
      const { slug, headCommit, headSubject, headCommittedAt, lastFetchedAt, lastFetchError } = head;
      return projectMatrix(project, { slug, kind: head.sourceKind, branch: head.gitBranch, headCommit, headSubject, headCommittedAt, lastFetchedAt, lastFetchError });
    }),
  );
}
