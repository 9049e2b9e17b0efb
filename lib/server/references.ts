import { db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";

// People and pipelines name things the way the UI shows them: request #42, environment "staging".
// These turn those names into the ids the domain functions take; authorization stays with them.

export async function requestByNumber(number: number) {
  const request = await db().migrationRequest.findUnique({ where: { number }, select: { id: true, number: true, projectId: true, status: true } });
  if (!request) throw new AppError("NOT_FOUND", `There is no request #${number}.`);
  return request;
}

export async function environmentIdByName(projectId: string, name: string): Promise<string> {
  const environment = await db().environment.findFirst({ where: { projectId, name, removedAt: null }, select: { id: true } });
  if (!environment) throw new AppError("BAD_INPUT", `environment: the request's project has no environment named "${name}".`);
  return environment.id;
}

/** A deployment's page, as an absolute link for people (CLI output, pipeline logs). */
export function deploymentUrl(id: string): string {
  return `${publicUrl()}/history/${id}`;
}
