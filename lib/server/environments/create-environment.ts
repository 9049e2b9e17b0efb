import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { encryptSecret } from "@/lib/server/secrets";
import { createStandardPolicies } from "@/lib/server/policies";
import { ZCreateEnvironment, type TCreateEnvironment } from "@/lib/schemas/environment";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkConnectionUrl, checkTlsSettings } from "./connection-url";
import { pastedCaCertificate } from "./pasted-certificate";
import { liveChain, lockChain } from "./chain";
import { parseInput } from "./input";
import { environmentView, type EnvironmentView } from "./view";

/**
 * Adds an environment at the end of the project's chain: its URL checked and stored encrypted
 * (with its CA certificate, if pasted), and the standard policy for its place in the chain, so
 * nothing deploys there without an approval. The audit event holds no URL.
 */
export async function createEnvironment(actor: CurrentUser, projectId: string, raw: TCreateEnvironment): Promise<EnvironmentView> {
  const input = parseInput(ZCreateEnvironment, raw);
  await authorize(actor, projectId, "settings.manage");
  const url = input.url.trim();
  const facts = checkConnectionUrl(url);
  const ca = pastedCaCertificate(input.caCert);
  checkTlsSettings(facts.sslmode, ca !== null);
  const timeZone = input.timeZone ?? "UTC";

  try {
    const id = await db().$transaction(async (tx) => {
      await lockChain(tx, projectId);
      const chain = await liveChain(tx, projectId);
      if (chain.some((e) => e.name === input.name)) throw new AppError("CONFLICT", `name: this project already has an environment named ${input.name}.`);
      const position = chain.length ? chain[chain.length - 1].position + 1 : 0;
      const created = await tx.environment.create({
        data: { projectId, name: input.name, position, timeZone, databaseUrlEncrypted: encryptSecret(url), sslRootCertEncrypted: ca ? encryptSecret(ca) : null },
      });
      await recordAudit(tx, {
        actor: auditActorOf(actor),
        action: "environment.created",
        subjectType: "environment",
        subjectId: created.id,
        projectId,
        after: { name: input.name, position, schema: facts.schema, sslmode: facts.sslmode, hasCaCert: ca !== null, timeZone },
      });
      await createStandardPolicies(projectId, auditActorOf(actor), { environmentIds: [created.id] }, tx);
      return created.id;
    });
    const saved = await db().environment.findUniqueOrThrow({ where: { id }, include: { policy: { select: { id: true } } } });
    return environmentView(saved);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `name: this project already has an environment named ${input.name}.`);
    }
    throw error;
  }
}
