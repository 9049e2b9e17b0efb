import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GitMirror } from "@/lib/sources/git-mirror";
import { redactGitUrl } from "@/lib/sources/git-url";
import { ZProjectSource, ZUpdateProject, type SourceKind, type TUpdateProject } from "@/lib/schemas/project";
import { encryptSecret } from "../secrets";
import { parseInput } from "../environments/input";
import { authorizeProjectAdmin } from "./access";
import { checkedSource, type SourceColumns } from "./source-settings";
import { refreshProject } from "./refresh-project";
import { getProject } from "./queries";
import type { FetchOutcome } from "./create-project";
import type { ProjectView } from "./view";

const GIT_ONLY = ["url", "branch", "accessToken", "refreshIntervalMinutes", "webhookSecret"] as const;

type Current = Prisma.ProjectGetPayload<object>;

/** A secret after the change: `undefined` in the patch keeps it, null removes it, a string replaces it. */
function secretChange(patched: string | null | undefined, stored: string | null, stillGit: boolean) {
  if (!stillGit) return { encrypted: null, label: stored ? "removed" : null };
  if (patched === undefined) return { encrypted: stored, label: null };
  if (patched === null) return { encrypted: null, label: stored ? "removed" : null };
  return { encrypted: encryptSecret(patched), label: stored ? "replaced" : "set" };
}

/** The source the project will have: the patch laid over what it has (switching kind starts from the defaults). */
function patchedSource(current: Current, patch: ReturnType<typeof ZUpdateProject.parse>, kind: SourceKind) {
  const same = kind === current.sourceKind;
  if (kind === "upload") return { kind };
  if (kind === "folder") return { kind, path: patch.path ?? (same ? current.migrationsPath : "") };
  return {
    kind,
    url: patch.url ?? (same ? current.gitUrl ?? "" : ""),
    branch: patch.branch ?? (same ? current.gitBranch ?? undefined : undefined),
    path: patch.path ?? (same ? current.gitPath : undefined),
    refreshIntervalMinutes: patch.refreshIntervalMinutes !== undefined ? patch.refreshIntervalMinutes : same ? current.refreshIntervalMinutes : null,
  };
}

function sourceOf(current: Current): SourceColumns {
  return {
    sourceKind: current.sourceKind as SourceKind,
    migrationsPath: current.migrationsPath,
    gitUrl: current.gitUrl,
    gitBranch: current.gitBranch,
    gitPath: current.gitPath,
    refreshIntervalMinutes: current.refreshIntervalMinutes,
  };
}

/** The path a source names: the folder on the server, or the folder inside the repository. */
function pathOf(source: SourceColumns): string | null {
  return source.sourceKind === "folder" ? source.migrationsPath : source.sourceKind === "git" ? source.gitPath : null;
}

/**
 * A project admin (or a site admin) changes a project's name, tenant key or source. Bad input
 * stores nothing. Pointing it at the server's disk stays a site admin's call. When the git
 * repository, branch, folder or token changed, the old head no longer describes the source:
 * it is cleared and fetched again (a failed fetch is reported, the change stays). The audit
 * names what changed, secrets only as set / replaced / removed.
 */
export async function updateProject(actor: CurrentUser, slug: string, raw: TUpdateProject): Promise<{ project: ProjectView; fetch: FetchOutcome | null }> {
  const patch = parseInput(ZUpdateProject, raw);
  const current = await db().project.findUnique({ where: { slug } });
  if (!current) throw new AppError("NOT_FOUND", `There is no project "${slug}" that you can see.`);
  await authorizeProjectAdmin(actor, current.id);

  const kind = (patch.kind ?? current.sourceKind) as SourceKind;
  const isGit = kind === "git";
  if (!isGit) {
    const stray = GIT_ONLY.find((key) => patch[key] !== undefined && patch[key] !== null);
    if (stray) throw new AppError("BAD_INPUT", `${stray}: applies only to a git source; this project's source is ${kind === "folder" ? "a folder" : "uploads from CI"}.`);
    if (kind === "upload" && patch.path !== undefined) throw new AppError("BAD_INPUT", "path: a project fed by uploads from CI has no path.");
  }
  const token = secretChange(patch.accessToken, current.gitTokenEncrypted, isGit);
  const webhook = secretChange(patch.webhookSecret, current.webhookSecretEncrypted, isGit);

  const sourceTouched = patch.kind !== undefined || patch.url !== undefined || patch.branch !== undefined || patch.path !== undefined || patch.refreshIntervalMinutes !== undefined || token.label !== null;
  let source = sourceOf(current);
  if (sourceTouched) {
    const proposed = parseInput(ZProjectSource, patchedSource(current, patch, kind));
    // A site admin chose this repository on the server's disk: its admins may still change the branch or folder.
    const sameLocation = kind === current.sourceKind && (kind === "git" ? patch.url === undefined : patch.path === undefined);
    source = await checkedSource(actor, proposed, { hasToken: token.encrypted !== null, locationUnchanged: sameLocation });
  }

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const note = (field: string, was: unknown, now: unknown) => {
    if (was === now) return;
    before[field] = was;
    after[field] = now;
  };
  note("name", current.name, patch.name ?? current.name);
  note("tenantKey", current.tenantKey, patch.tenantKey ?? current.tenantKey);
  note("kind", current.sourceKind, source.sourceKind);
  note("url", redactGitUrl(current.gitUrl), redactGitUrl(source.gitUrl));
  note("branch", current.gitBranch, source.gitBranch);
  note("path", pathOf(sourceOf(current)), pathOf(source));
  note("refreshIntervalMinutes", current.refreshIntervalMinutes, source.refreshIntervalMinutes);
  if (token.label) after.accessToken = token.label;
  if (webhook.label) after.webhookSecret = webhook.label;
  if (Object.keys(after).length === 0) return { project: await getProject(actor, slug), fetch: null };

  const relocated = ["kind", "url", "branch", "path"].some((field) => field in after);
  await db().$transaction(async (tx) => {
    await tx.project.update({
      where: { id: current.id },
      data: {
        name: patch.name ?? current.name,
        tenantKey: patch.tenantKey ?? current.tenantKey,
        ...source,
        gitTokenEncrypted: token.encrypted,
        webhookSecretEncrypted: webhook.encrypted,
        // What was fetched from the old location says nothing about the new one.
        ...(relocated ? { headCommit: null, headCommittedAt: null, headSubject: null, lastFetchedAt: null, lastFetchError: null, currentSnapshotId: null } : {}),
      },
    });
    await recordAudit(tx, {
      actor: auditActorOf(actor),
      action: "project.updated",
      subjectType: "project",
      subjectId: current.id,
      projectId: current.id,
      before: before as Prisma.InputJsonValue,
      after: after as Prisma.InputJsonValue,
    });
  });

  if (current.sourceKind === "git" && source.sourceKind !== "git") await GitMirror.ofProject(current.id).remove().catch(() => undefined);
  let fetch: FetchOutcome | null = null;
  if (source.sourceKind === "git" && (relocated || token.label !== null)) {
    const result = await refreshProject(actor, current.id);
    fetch = result.ok ? { ok: true, headCommit: result.headCommit } : { ok: false, error: result.error };
  }
  return { project: await getProject(actor, slug), fetch };
}
