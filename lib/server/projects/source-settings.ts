import { readMigrationsSource } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/roles";
import { parseGitRemote, redactGitUrl } from "@/lib/sources/git-url";
import type { TProjectSource } from "@/lib/schemas/project";
import { migrationsDirOf } from "../projects";
import { mayUseServerPaths } from "./access";

/** The Project columns that say where its migrations come from (secrets in plain text until stored). */
export type SourceColumns = {
  sourceKind: "git" | "folder" | "upload";
  migrationsPath: string;
  gitUrl: string | null;
  gitBranch: string | null;
  gitPath: string;
  refreshIntervalMinutes: number | null;
};

/** The audit's picture of a source: no token, no secret, the URL as people may see it. */
export function auditableSource(columns: SourceColumns, secrets: { accessToken: boolean; webhookSecret: boolean }) {
  if (columns.sourceKind === "folder") return { kind: "folder", path: columns.migrationsPath };
  if (columns.sourceKind === "upload") return { kind: "upload" };
  return {
    kind: "git",
    url: redactGitUrl(columns.gitUrl),
    branch: columns.gitBranch,
    path: columns.gitPath,
    refreshIntervalMinutes: columns.refreshIntervalMinutes,
    accessToken: secrets.accessToken ? "set" : "none",
    webhookSecret: secrets.webhookSecret ? "set" : "none",
  };
}

/**
 * Checks a source before anything is stored and gives its columns. A folder must be readable
 * as a Prisma migrations folder now; a repository URL must be one Sluice fetches from. Paths
 * on the server's disk (a folder, a local repository) are for site admins only: a project
 * admin must not be able to make Sluice read arbitrary server files.
 */
export async function checkedSource(actor: CurrentUser, source: TProjectSource, options: { hasToken: boolean; locationUnchanged?: boolean }): Promise<SourceColumns> {
  const none = { gitUrl: null, gitBranch: null, gitPath: "prisma/migrations", refreshIntervalMinutes: null };
  if (source.kind === "upload") return { sourceKind: "upload", migrationsPath: "", ...none };
  if (source.kind === "folder") {
    if (!mayUseServerPaths(actor)) throw new AppError("FORBIDDEN", "Only a site admin may point a project at a folder on the server.");
    const migrationsPath = source.path.trim();
    try {
      await readMigrationsSource(migrationsDirOf({ migrationsPath }));
    } catch (error) {
      throw new AppError("BAD_INPUT", `path: ${(error as Error).message}`);
    }
    return { sourceKind: "folder", migrationsPath, ...none };
  }
  const remote = parseGitRemote(source.url, { hasToken: options.hasToken });
  if (remote.local && !options.locationUnchanged && !mayUseServerPaths(actor)) throw new AppError("FORBIDDEN", "Only a site admin may point a project at a repository on the server's disk; use its https:// address.");
  return {
    sourceKind: "git",
    migrationsPath: "",
    gitUrl: remote.url,
    gitBranch: source.branch,
    gitPath: source.path,
    refreshIntervalMinutes: source.refreshIntervalMinutes ?? null,
  };
}
