import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { refreshProject, type RefreshResult } from "./refresh-project";

/** The schedule ticks once a minute: a fetch due "every minute" that ran a few seconds late is still due at the next tick. */
const TICK_SLACK_MS = 30_000;
/** A scheduled fetch does not queue behind one already running: the next tick tries again. */
const SCHEDULED_LOCK_WAIT_MS = 2_000;

export type ScheduledRefresh = { projectId: string; result: RefreshResult | { skipped: string } };

/** Git projects with a refresh interval whose last fetch (or attempt) is at least that old. */
export async function projectsDueForRefresh(now: Date = new Date()): Promise<string[]> {
  const projects = await db().project.findMany({
    where: { sourceKind: "git", refreshIntervalMinutes: { not: null } },
    select: { id: true, refreshIntervalMinutes: true, lastFetchedAt: true },
    orderBy: { lastFetchedAt: { sort: "asc", nulls: "first" } },
  });
  return projects
    .filter((p) => !p.lastFetchedAt || now.getTime() - p.lastFetchedAt.getTime() >= p.refreshIntervalMinutes! * 60_000 - TICK_SLACK_MS)
    .map((p) => p.id);
}

/**
 * One tick of the schedule (the worker's pg-boss cron, every minute): fetches each due project
 * in turn. A failure is recorded on its project and does not stop the others.
 */
export async function refreshDueProjects(now: Date = new Date()): Promise<ScheduledRefresh[]> {
  const outcomes: ScheduledRefresh[] = [];
  for (const projectId of await projectsDueForRefresh(now)) {
    try {
      outcomes.push({ projectId, result: await refreshProject("schedule", projectId, { lockWaitMs: SCHEDULED_LOCK_WAIT_MS }) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ projectId, result: { skipped: error.message } });
    }
  }
  return outcomes;
}
