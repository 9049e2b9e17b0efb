import { z } from "zod";

/** Where a project's migrations come from. */
export const SOURCE_KINDS = ["git", "folder", "upload"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS = {
  git: "Git repository",
  folder: "Folder on the server",
  upload: "Uploaded from CI",
} as const satisfies Record<SourceKind, string>;

export const PROJECT_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,48}$/;
export const DEFAULT_GIT_BRANCH = "main";
export const DEFAULT_GIT_FOLDER = "prisma/migrations";
/** The schedule runs once a minute; a day is the longest interval worth a schedule. */
export const MAX_REFRESH_INTERVAL_MINUTES = 1440;

/** git's own rules for a branch name (git check-ref-format --branch), so no name reaches git as an option or a revision expression. */
export function isValidBranchName(name: string): boolean {
  if (!name || name.length > 200 || name === "@") return false;
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) return false;
  if (name.startsWith("-") || name.startsWith("/") || name.endsWith("/") || name.endsWith(".") || name.endsWith(".lock")) return false;
  if (name.includes("..") || name.includes("//") || name.includes("@{")) return false;
  return name.split("/").every((part) => part.length > 0 && !part.startsWith(".") && !part.endsWith(".lock"));
}

/** A folder inside the repository, as git names paths: relative, `/`-separated, no `.` or `..` parts; "" is the root. */
export function normalizeRepoFolder(value: string): string {
  return value.trim().replace(/^(\.\/)+/, "").replace(/\/+$/, "").replace(/^\.$/, "");
}

function isValidRepoFolder(folder: string): boolean {
  if (folder === "") return true;
  if (folder.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(folder)) return false;
  return folder.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

export const ZProjectSlug = z
  .string()
  .trim()
  .regex(PROJECT_SLUG_PATTERN, "must be 2 to 49 lowercase letters, digits or dashes, starting with a letter or digit (e.g. billing-api)");

export const ZProjectName = z.string().trim().min(1, "give the project a name").max(100, "must be 100 characters or fewer");

export const ZTenantKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "must be a column name such as organizationId");

export const ZGitUrl = z.string().trim().min(1, "give the repository's address, e.g. https://github.com/acme/app.git").max(2000, "must be 2000 characters or fewer");

export const ZGitBranch = z.string().trim().refine(isValidBranchName, "is not a valid git branch name");

export const ZRepoFolder = z
  .string()
  .max(500, "must be 500 characters or fewer")
  .transform(normalizeRepoFolder)
  .refine(isValidRepoFolder, "must be a folder inside the repository, such as prisma/migrations (no leading /, no ..)");

/** Sent as an HTTP header: printable characters only, so it can never smuggle in another header. */
export const ZAccessToken = z
  .string()
  .trim()
  .min(1, "must not be empty (send null to remove the token)")
  .max(1000, "must be 1000 characters or fewer")
  .regex(/^[\x21-\x7e]+$/, "must be printable characters without spaces");

export const ZWebhookSecret = z
  .string()
  .min(16, "must be at least 16 characters (a long random string)")
  .max(200, "must be 200 characters or fewer")
  .regex(/^[\x21-\x7e]+$/, "must be printable characters without spaces");

export const ZRefreshInterval = z
  .number({ error: "must be a number of minutes" })
  .int("must be a whole number of minutes")
  .min(1, "must be at least 1 minute")
  .max(MAX_REFRESH_INTERVAL_MINUTES, `must be at most ${MAX_REFRESH_INTERVAL_MINUTES} minutes (a day)`);

export const ZFolderPath = z.string().trim().min(1, "give the path of the migrations folder on the server").max(1000, "must be 1000 characters or fewer");

export const ZGitSource = z.strictObject({
  kind: z.literal("git"),
  url: ZGitUrl,
  branch: ZGitBranch.default(DEFAULT_GIT_BRANCH),
  path: ZRepoFolder.default(DEFAULT_GIT_FOLDER),
  accessToken: ZAccessToken.nullish(),
  refreshIntervalMinutes: ZRefreshInterval.nullish(),
  webhookSecret: ZWebhookSecret.nullish(),
});

export const ZFolderSource = z.strictObject({ kind: z.literal("folder"), path: ZFolderPath });
export const ZUploadSource = z.strictObject({ kind: z.literal("upload") });

export const ZProjectSource = z.discriminatedUnion("kind", [ZGitSource, ZFolderSource, ZUploadSource], {
  error: "kind: must be git, folder or upload",
});
export type TProjectSource = z.output<typeof ZProjectSource>;

export const ZCreateProject = z.strictObject({
  slug: ZProjectSlug,
  name: ZProjectName,
  tenantKey: ZTenantKey.default("organizationId"),
  source: ZProjectSource,
});
export type TCreateProject = z.input<typeof ZCreateProject>;

/**
 * A change to a project: any of its fields. Source fields apply to the project's kind
 * (`path` is the folder inside the repository for git, the folder on the server for a
 * folder source); `kind` switches the source. Secrets: a string sets, null removes,
 * absent keeps.
 */
export const ZUpdateProject = z.strictObject({
  name: ZProjectName.optional(),
  tenantKey: ZTenantKey.optional(),
  kind: z.enum(SOURCE_KINDS, { error: "must be git, folder or upload" }).optional(),
  url: ZGitUrl.optional(),
  branch: ZGitBranch.optional(),
  path: z.string().max(1000, "must be 1000 characters or fewer").optional(),
  accessToken: ZAccessToken.nullable().optional(),
  refreshIntervalMinutes: ZRefreshInterval.nullable().optional(),
  webhookSecret: ZWebhookSecret.nullable().optional(),
});
export type TUpdateProject = z.input<typeof ZUpdateProject>;
