import path from "node:path";
import { readMigrationsDir, type MigrationFile } from "@/lib/engine";
import { db } from "@/lib/db";
import { decryptSecret } from "./secrets";
import { snapshotFiles } from "./snapshots";
import { caCertificateFile, withCaCertificateFile } from "./environments/ca-certificate";
import { AppError } from "@/lib/errors";

/** A project's migrations folder, resolved against the directory Sluice runs in. */
export function migrationsDirOf(project: { migrationsPath: string }): string {
  // Registered at run time, so the bundler must not try to trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), project.migrationsPath);
}

/** What picks a project's migrations: its kind, its folder (folder source), its current snapshot (git and upload). */
export type SourcedProject = { sourceKind: string; migrationsPath: string; currentSnapshotId: string | null };

/** The files one stored snapshot holds. */
export async function snapshotMigrations(snapshotId: string): Promise<MigrationFile[]> {
  const snapshot = await db().sourceSnapshot.findUnique({ where: { id: snapshotId }, select: { files: true } });
  if (!snapshot) throw new AppError("NOT_FOUND", "The source snapshot this refers to no longer exists.");
  return snapshotFiles(snapshot);
}

/**
 * The project's migrations as new requests see them: the folder read now, or the current
 * snapshot of a git or upload source (none yet: no migrations). Never runs git: a page
 * rendering this reads what the last fetch stored.
 */
export async function sourceMigrations(project: SourcedProject): Promise<MigrationFile[]> {
  if (project.sourceKind === "folder") return readMigrationsDir(migrationsDirOf(project));
  return project.currentSnapshotId ? snapshotMigrations(project.currentSnapshotId) : [];
}

/** The current source with the snapshot it came from, for a request to pin (null for a folder source). */
export async function currentProjectSource(project: SourcedProject): Promise<{ files: MigrationFile[]; snapshot: { id: string; commit: string | null } | null }> {
  if (project.sourceKind === "folder" || !project.currentSnapshotId) return { files: await sourceMigrations(project), snapshot: null };
  const snapshot = await db().sourceSnapshot.findUnique({ where: { id: project.currentSnapshotId }, select: { id: true, commit: true, files: true } });
  if (!snapshot) return { files: [], snapshot: null };
  return { files: snapshotFiles(snapshot), snapshot: { id: snapshot.id, commit: snapshot.commit } };
}

/**
 * The migrations a request is checked, linted and deployed against: the snapshot it was made
 * from (the branch may have moved since), else its project's current source.
 */
export async function requestSourceMigrations(request: { snapshotId: string | null; project: SourcedProject }): Promise<MigrationFile[]> {
  return request.snapshotId ? snapshotMigrations(request.snapshotId) : sourceMigrations(request.project);
}

/**
 * An environment's connection URL, ready for the engine: with its pasted CA certificate (if any)
 * materialised as a file and named as sslrootcert, so every connection verifies the server the
 * same way (engine, lint stats, matrix, health, deploy worker, backups).
 */
export function environmentUrl(environment: { id: string; databaseUrlEncrypted: string; sslRootCertEncrypted: string | null }): string {
  const url = decryptSecret(environment.databaseUrlEncrypted);
  if (!environment.sslRootCertEncrypted) return url;
  return withCaCertificateFile(url, caCertificateFile(environment.id, decryptSecret(environment.sslRootCertEncrypted)));
}

export async function projectWithChain(projectId: string) {
  const project = await db().project.findUnique({
    where: { id: projectId },
    include: { environments: { where: { removedAt: null }, orderBy: { position: "asc" } } },
  });
  if (!project) throw new AppError("NOT_FOUND", "No such project.");
  return project;
}

/** Projects the user is a member of, with environments in promotion order. */
export async function projectsOf(userId: string) {
  return db().project.findMany({
    where: { memberships: { some: { userId } } },
    include: { environments: { where: { removedAt: null }, orderBy: { position: "asc" } } },
    orderBy: { name: "asc" },
  });
}
