import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The project a slug names (people type slugs: in URLs, the API and the CLI). */
export async function projectBySlug(slug: string): Promise<{ id: string; slug: string; name: string }> {
  const project = await db().project.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!project) throw new AppError("NOT_FOUND", `There is no project "${slug}".`);
  return project;
}

/** The id of a live environment of the project, by name. */
export async function environmentIdByName(projectId: string, name: string): Promise<string> {
  const environment = await db().environment.findFirst({ where: { projectId, name, removedAt: null }, select: { id: true } });
  if (!environment) throw new AppError("NOT_FOUND", `This project has no environment named "${name}".`);
  return environment.id;
}
