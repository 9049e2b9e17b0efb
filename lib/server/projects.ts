import path from "node:path";
import { readMigrationsDir, type MigrationFile } from "@/lib/engine";
import { db } from "@/lib/db";
import { decryptSecret } from "./secrets";
import { caCertificateFile, withCaCertificateFile } from "./environments/ca-certificate";
import { AppError } from "@/lib/errors";

/** A project's migrations folder, resolved against the directory Sluice runs in. */
export function migrationsDirOf(project: { migrationsPath: string }): string {
  // Registered at run time, so the bundler must not try to trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), project.migrationsPath);
}

export async function sourceMigrations(project: { migrationsPath: string }): Promise<MigrationFile[]> {
  return readMigrationsDir(migrationsDirOf(project));
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
