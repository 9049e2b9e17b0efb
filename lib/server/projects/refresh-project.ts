import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit, type AuditActor } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { tokenAllows, tokenAllowsSiteAdmin } from "@/lib/auth/token-scopes";
import { GitMirror } from "@/lib/sources/git-mirror";
import { GitCommandError, redactText } from "@/lib/sources/git-command";
import { SourceError, type SourceFailure } from "@/lib/sources/source-error";
import { DEFAULT_GIT_BRANCH } from "@/lib/schemas/project";
import { decryptSecret } from "../secrets";
import { storeSnapshot } from "../snapshots";
import { withSourceLock } from "../source-lock";

/** Who asked for a fetch: a person or token (Refresh button, API, CLI), the schedule, or a verified push webhook. */
export type RefreshTrigger = CurrentUser | "schedule" | "webhook";

export type RefreshResult =
  | { ok: true; changed: boolean; previousCommit: string | null; headCommit: string; migrations: number }
  | { ok: false; changed: false; previousCommit: string | null; headCommit: string | null; error: string; failure: SourceFailure };

const SYSTEM_ACTORS = {
  schedule: { id: null, email: "sluice-schedule" },
  webhook: { id: null, email: "sluice-webhook" },
} as const satisfies Record<string, AuditActor>;

function actorOf(trigger: RefreshTrigger): AuditActor {
  return typeof trigger === "string" ? SYSTEM_ACTORS[trigger] : auditActorOf(trigger);
}

function triggerName(trigger: RefreshTrigger): string {
  return typeof trigger === "string" ? trigger : "manual";
}

/** Any member (or a site admin) may ask for a fetch: it changes nothing but how fresh the source is. */
async function authorizeRefresh(user: CurrentUser, projectId: string): Promise<void> {
  if (user.siteAdmin && tokenAllowsSiteAdmin(user.token) && tokenAllows(user.token, projectId, "settings.manage")) return;
  await authorize(user, projectId, "history.read");
}

/**
 * Fetches a git project's repository, reads the branch head and the migrations folder at it,
 * and stores them as a snapshot: new requests are made from it, the matrix shows it. One fetch
 * per project at a time (a second waits, then fetches again: a push that arrived meanwhile is
 * not missed). A failure is recorded on the project (`lastFetchError`, never a credential) and
 * returned, not thrown; the previous snapshot stays current. Audited when the head or the
 * snapshot moved, or when it failed — a scheduled retry failing the same way again is not
 * audited again.
 */
export async function refreshProject(trigger: RefreshTrigger, projectId: string, options: { lockWaitMs?: number } = {}): Promise<RefreshResult> {
  const project = await db().project.findUnique({ where: { id: projectId }, select: { id: true, sourceKind: true } });
  if (!project) throw new AppError("NOT_FOUND", "No such project.");
  if (typeof trigger !== "string") await authorizeRefresh(trigger, projectId);
  if (project.sourceKind !== "git") {
    const where = project.sourceKind === "upload" ? "uploads from CI" : "a folder on the server";
    throw new AppError("CONFLICT", `This project takes its migrations from ${where}: there is no repository to fetch.`);
  }
  return withSourceLock(projectId, () => fetchAndStore(trigger, projectId), { waitMs: options.lockWaitMs });
}

async function fetchAndStore(trigger: RefreshTrigger, projectId: string): Promise<RefreshResult> {
  // Read again under the lock: settings may have changed while this fetch waited for another.
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId } });
  if (project.sourceKind !== "git" || !project.gitUrl) throw new AppError("CONFLICT", "This project no longer takes its migrations from a git repository.");
  const branch = project.gitBranch ?? DEFAULT_GIT_BRANCH;
  const previousCommit = project.headCommit;
  let token: string | null = null;
  try {
    token = project.gitTokenEncrypted ? decryptSecret(project.gitTokenEncrypted) : null;
    const mirror = GitMirror.ofProject(project.id);
    await mirror.fetch({ url: project.gitUrl, accessToken: token });
    const head = await mirror.headOf(branch);
    const files = await mirror.migrationsAt(head.commit, project.gitPath);
    return await db().$transaction(async (tx) => {
      const { snapshot } = await storeSnapshot(tx, { projectId, origin: "git", commit: head.commit, branch, files, createdById: typeof trigger === "string" ? null : trigger.id });
      const changed = snapshot.id !== project.currentSnapshotId || head.commit !== previousCommit;
      await tx.project.update({
        where: { id: projectId },
        data: { headCommit: head.commit, headCommittedAt: head.committedAt, headSubject: head.subject, lastFetchedAt: new Date(), lastFetchError: null, currentSnapshotId: snapshot.id },
      });
      if (changed || project.lastFetchError !== null) {
        await recordAudit(tx, {
          actor: actorOf(trigger),
          action: "project.refreshed",
          subjectType: "project",
          subjectId: projectId,
          projectId,
          before: { headCommit: previousCommit, lastFetchError: project.lastFetchError },
          after: { headCommit: head.commit, branch, path: project.gitPath, migrations: files.length, snapshotId: snapshot.id },
          metadata: { trigger: triggerName(trigger) },
        });
      }
      return { ok: true as const, changed, previousCommit, headCommit: head.commit, migrations: files.length };
    });
  } catch (error) {
    const failure = failureOf(error, token);
    if (!failure) throw error;
    await db().$transaction(async (tx) => {
      await tx.project.update({ where: { id: projectId }, data: { lastFetchedAt: new Date(), lastFetchError: failure.message } });
      if (trigger !== "schedule" || failure.message !== project.lastFetchError) {
        await recordAudit(tx, {
          actor: actorOf(trigger),
          action: "project.refresh_failed",
          subjectType: "project",
          subjectId: projectId,
          projectId,
          after: { error: failure.message, branch, path: project.gitPath },
          metadata: { trigger: triggerName(trigger) },
        });
      }
    });
    return { ok: false, changed: false, previousCommit, headCommit: previousCommit, error: failure.message, failure: failure.failure };
  }
}

/** A fetch failure in words, redacted once more; null for errors that are not the source's (the database's: rethrown). */
function failureOf(error: unknown, token: string | null): { failure: SourceFailure; message: string } | null {
  const secrets = token ? [token] : [];
  if (error instanceof SourceError) return { failure: error.failure, message: redactText(error.message, secrets) };
  if (error instanceof GitCommandError) return { failure: "failed", message: redactText(`Reading the mirror failed: ${error.message}`, secrets) };
  if (error instanceof Error && /Unreadable encrypted secret|unable to authenticate data|Unsupported state/i.test(error.message)) {
    return { failure: "authentication", message: "The stored access token cannot be decrypted with this server's key: set the token again." };
  }
  if (error instanceof AppError && error.code === "BAD_INPUT") return { failure: "failed", message: redactText(error.message, secrets) };
  return null;
}
