import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorizeSiteAdmin, type CurrentUser } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZCreateProject, type TCreateProject } from "@/lib/schemas/project";
import { encryptSecret } from "../secrets";
import { parseInput } from "../environments/input";
import { auditableSource, checkedSource } from "./source-settings";
import { refreshProject } from "./refresh-project";
import { getProject } from "./queries";
import type { ProjectView } from "./view";

export type FetchOutcome = { ok: boolean; headCommit?: string; error?: string };

/**
 * A site admin adds a project: its slug and name, and where its migrations come from. The
 * creator becomes its admin. Secrets are stored encrypted and never audited. A git project is
 * fetched at once; a failed fetch still creates it (the error is on the project and in
 * `fetch`), so a token or URL can be fixed afterwards without starting over.
 */
export async function createProject(actor: CurrentUser, raw: TCreateProject): Promise<{ project: ProjectView; fetch: FetchOutcome | null }> {
  authorizeSiteAdmin(actor);
  const input = parseInput(ZCreateProject, raw);
  const git = input.source.kind === "git" ? input.source : null;
  const columns = await checkedSource(actor, input.source, { hasToken: Boolean(git?.accessToken) });
  const secrets = { accessToken: Boolean(git?.accessToken), webhookSecret: Boolean(git?.webhookSecret) };

  let projectId: string;
  try {
    projectId = await db().$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          slug: input.slug,
          name: input.name,
          tenantKey: input.tenantKey,
          ...columns,
          gitTokenEncrypted: git?.accessToken ? encryptSecret(git.accessToken) : null,
          webhookSecretEncrypted: git?.webhookSecret ? encryptSecret(git.webhookSecret) : null,
        },
      });
      await tx.membership.create({ data: { userId: actor.id, projectId: project.id, role: "admin" } });
      await recordAudit(tx, {
        actor: auditActorOf(actor),
        action: "project.created",
        subjectType: "project",
        subjectId: project.id,
        projectId: project.id,
        after: { slug: input.slug, name: input.name, tenantKey: input.tenantKey, source: auditableSource(columns, secrets), admin: actor.email },
      });
      return project.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `slug: a project named "${input.slug}" already exists; choose another slug.`);
    }
    throw error;
  }

  let fetch: FetchOutcome | null = null;
  if (columns.sourceKind === "git") {
    const result = await refreshProject(actor, projectId);
    fetch = result.ok ? { ok: true, headCommit: result.headCommit } : { ok: false, error: result.error };
  }
  return { project: await getProject(actor, input.slug), fetch };
}
