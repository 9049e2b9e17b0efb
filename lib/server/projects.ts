import path from "node:path";
import { readMigrationsDir, type MigrationFile } from "@/lib/engine";
import { db } from "@/lib/db";
import { decryptSecret } from "./secrets";
import { AppError } from "@/lib/errors";

/** A project's migrations folder, resolved against the directory Sluice runs in. */
export function migrationsDirOf(project: { migrationsPath: string }): string {
  // Registered at run time, so the bundler must not try to trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), project.migrationsPath);
}

export async function sourceMigrations(project: { migrationsPath: string }): Promise<MigrationFile[]> {
  return readMigrationsDir(migrationsDirOf(project));
}

export function environmentUrl(environment: { databaseUrlEncrypted: string }): string {
  return decryptSecret(environment.databaseUrlEncrypted);
}

export async function projectWithChain(projectId: string) {
  const project = await db().project.findUnique({
    where: { id: projectId },
    include: { environments: { orderBy: { position: "asc" } } },
  });
  if (!project) throw new AppError("NOT_FOUND", "No such project.");
  return project;
}

/** Projects the user is a member of, with environments in promotion order. */
export async function projectsOf(userId: string) {
  return db().project.findMany({
    where: { memberships: { some: { userId } } },
    include: { environments: { orderBy: { position: "asc" } } },
    orderBy: { name: "asc" },
  });
}
