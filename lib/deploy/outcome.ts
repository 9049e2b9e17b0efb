import type { DeploymentStatus } from "@/lib/generated/prisma/enums";

export type RunFacts = {
  /** The engine applied everything it was asked to. */
  completed: boolean;
  stopRequested: boolean;
  /** The request's migrations, in order. */
  requested: string[];
  alreadyApplied: string[];
  /** Applied by this run, in order (including any later rolled back). */
  applied: string[];
  /** down.sql ran for these, in the order it ran. */
  rolledBack: string[];
  /** The migration that failed and how `_prisma_migrations` records it now. */
  failed: { migration: string; recordedAs: "failed" | "pending" | "applied" | "rolled_back" } | null;
};

export type RunOutcome = { status: Exclude<DeploymentStatus, "queued" | "running">; notRun: string[]; stillApplied: string[]; summary: string };

/**
 * What a finished run means, stated as the target's state: the deployment's final status and
 * the one paragraph an on-call engineer needs (what is applied, rolled back, not run, and
 * whether a failed row blocks the next deploy).
 */
export function deploymentOutcome(f: RunFacts): RunOutcome {
  const stillApplied = f.applied.filter((m) => !f.rolledBack.includes(m));
  const blocked = f.failed?.recordedAs === "failed" ? f.failed.migration : null;
  const notRun = f.requested.filter((m) => !f.applied.includes(m) && !f.alreadyApplied.includes(m) && m !== blocked);
  const clean = stillApplied.length === 0 && blocked === null;

  let status: RunOutcome["status"];
  if (f.completed) status = "succeeded";
  else if (clean && f.applied.length > 0) status = "rolled_back";
  else if (clean && f.stopRequested) status = "cancelled";
  else status = "failed";

  const parts: string[] = [];
  if (f.completed) parts.push(f.applied.length ? `Applied ${f.applied.join(", ")}.` : `Nothing to apply: ${f.alreadyApplied.join(", ")} already applied.`);
  else {
    if (f.stopRequested) parts.push("Stopped on request.");
    if (stillApplied.length) parts.push(`Still applied: ${stillApplied.join(", ")}.`);
    if (f.rolledBack.length) parts.push(`Rolled back (down.sql): ${f.rolledBack.join(", ")}.`);
    if (blocked) parts.push(`${blocked} is recorded as failed in _prisma_migrations: find out what it left behind, then resolve it before deploying again.`);
    if (notRun.length) parts.push(`Not run: ${notRun.join(", ")}.`);
    if (!f.applied.length && !blocked) parts.push("Nothing from this request was applied; the target is as it was.");
  }
  return { status, notRun, stillApplied, summary: parts.join(" ") };
}
