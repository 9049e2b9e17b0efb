import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { redactGitUrl } from "@/lib/sources/git-url";
import type { SourceKind } from "@/lib/schemas/project";

/**
 * A project as people and the API see it: where its migrations come from and how fresh that
 * is, never a secret (a token or webhook secret is only "set" or not), URLs with any
 * credentials redacted. Times are ISO strings so the same object serves pages and JSON.
 */
export type ProjectView = {
  slug: string;
  name: string;
  tenantKey: string;
  sourceKind: SourceKind;
  /** Folder source: the folder on the server. */
  folderPath: string | null;
  gitUrl: string | null;
  gitBranch: string | null;
  gitPath: string | null;
  accessTokenSet: boolean;
  webhookSecretSet: boolean;
  refreshIntervalMinutes: number | null;
  /** Where a push webhook (or CI) asks for a refresh. */
  refreshUrl: string;
  headCommit: string | null;
  headSubject: string | null;
  headCommittedAt: string | null;
  lastFetchedAt: string | null;
  lastFetchError: string | null;
  /** The snapshot new requests are made from: the fetched head or the latest upload. */
  snapshot: { origin: string; commit: string | null; branch: string | null; createdAt: string } | null;
  /** The viewer's role; null for a site admin who is not a member. */
  role: Role | null;
  environments: { name: string; position: number }[];
};

export const PROJECT_VIEW_SELECT = {
  id: true,
  slug: true,
  name: true,
  tenantKey: true,
  sourceKind: true,
  migrationsPath: true,
  gitUrl: true,
  gitTokenEncrypted: true,
  gitBranch: true,
  gitPath: true,
  webhookSecretEncrypted: true,
  refreshIntervalMinutes: true,
  headCommit: true,
  headSubject: true,
  headCommittedAt: true,
  lastFetchedAt: true,
  lastFetchError: true,
  currentSnapshotId: true,
  environments: { where: { removedAt: null }, orderBy: { position: "asc" }, select: { name: true, position: true } },
} as const;

type ProjectRow = {
  id: string;
  slug: string;
  name: string;
  tenantKey: string;
  sourceKind: string;
  migrationsPath: string;
  gitUrl: string | null;
  gitTokenEncrypted: string | null;
  gitBranch: string | null;
  gitPath: string;
  webhookSecretEncrypted: string | null;
  refreshIntervalMinutes: number | null;
  headCommit: string | null;
  headSubject: string | null;
  headCommittedAt: Date | null;
  lastFetchedAt: Date | null;
  lastFetchError: string | null;
  currentSnapshotId: string | null;
  environments: { name: string; position: number }[];
};

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

function kindOf(value: string): SourceKind {
  return value === "git" || value === "upload" ? value : "folder";
}

/** Views of these projects, with the viewer's role in each (one query for their snapshots). */
export async function projectViews(rows: ProjectRow[], roles: Map<string, Role>): Promise<ProjectView[]> {
  const snapshotIds = rows.map((r) => r.currentSnapshotId).filter((id): id is string => id !== null);
  const snapshots = snapshotIds.length
    ? await db().sourceSnapshot.findMany({ where: { id: { in: snapshotIds } }, select: { id: true, origin: true, commit: true, branch: true, createdAt: true } })
    : [];
  return rows.map((row) => {
    const kind = kindOf(row.sourceKind);
    const snapshot = snapshots.find((s) => s.id === row.currentSnapshotId);
    return {
      slug: row.slug,
      name: row.name,
      tenantKey: row.tenantKey,
      sourceKind: kind,
      folderPath: kind === "folder" ? row.migrationsPath : null,
      gitUrl: kind === "git" ? redactGitUrl(row.gitUrl) : null,
      gitBranch: kind === "git" ? row.gitBranch : null,
      gitPath: kind === "git" ? row.gitPath : null,
      accessTokenSet: kind === "git" && row.gitTokenEncrypted !== null,
      webhookSecretSet: kind === "git" && row.webhookSecretEncrypted !== null,
      refreshIntervalMinutes: kind === "git" ? row.refreshIntervalMinutes : null,
      refreshUrl: `${publicUrl()}/api/v1/projects/${row.slug}/refresh`,
      headCommit: row.headCommit,
      headSubject: row.headSubject,
      headCommittedAt: iso(row.headCommittedAt),
      lastFetchedAt: iso(row.lastFetchedAt),
      lastFetchError: row.lastFetchError,
      snapshot: snapshot ? { origin: snapshot.origin, commit: snapshot.commit, branch: snapshot.branch, createdAt: snapshot.createdAt.toISOString() } : null,
      role: roles.get(row.id) ?? null,
      environments: row.environments,
    };
  });
}
