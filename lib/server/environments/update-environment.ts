import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { decryptSecret, encryptSecret } from "@/lib/server/secrets";
import { ZUpdateEnvironment, type TUpdateEnvironment } from "@/lib/schemas/environment";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkConnectionUrl, checkTlsSettings } from "./connection-url";
import { forgetCaCertificateFiles } from "./ca-certificate";
import { pastedCaCertificate } from "./pasted-certificate";
import { lockChain } from "./chain";
import { parseInput } from "./input";
import { auditFacts, environmentView, type EnvironmentView } from "./view";

function storedUrl(sealed: string): string | null {
  try {
    return decryptSecret(sealed);
  } catch {
    return null;
  }
}

/**
 * Renames an environment, replaces its URL (an empty URL keeps the stored one, which is never
 * sent back to be edited), sets or removes its CA certificate (null removes) and its time zone.
 * The audit event says what changed, never the URL itself.
 */
export async function updateEnvironment(actor: CurrentUser, environmentId: string, raw: TUpdateEnvironment): Promise<EnvironmentView> {
  const input = parseInput(ZUpdateEnvironment, raw);
  const current = await db().environment.findFirst({ where: { id: environmentId, removedAt: null } });
  if (!current) throw new AppError("NOT_FOUND", "No such environment.");
  await authorize(actor, current.projectId, "settings.manage");

  const newUrl = input.url?.trim() ? input.url.trim() : null;
  const oldUrl = storedUrl(current.databaseUrlEncrypted);
  const url = newUrl ?? oldUrl;
  if (url === null) throw new AppError("BAD_INPUT", "url: the stored URL cannot be decrypted with this server's key: paste the URL again.");
  const removeCa = input.caCert === null;
  const newCa = removeCa ? null : pastedCaCertificate(input.caCert);
  const hasCaCert = newCa !== null || (!removeCa && current.sslRootCertEncrypted !== null);
  const facts = checkConnectionUrl(url);
  checkTlsSettings(facts.sslmode, hasCaCert);

  const name = input.name ?? current.name;
  const timeZone = input.timeZone ?? current.timeZone;
  const caChanged = newCa !== null || (removeCa && current.sslRootCertEncrypted !== null);
  const urlChanged = newUrl !== null && newUrl !== oldUrl;
  if (name === current.name && timeZone === current.timeZone && !caChanged && !urlChanged) {
    return environmentView({ ...current, policy: await db().environmentPolicy.findUnique({ where: { environmentId }, select: { id: true } }) });
  }

  try {
    await db().$transaction(async (tx) => {
      await lockChain(tx, current.projectId);
      if (name !== current.name) {
        const taken = await tx.environment.findFirst({ where: { projectId: current.projectId, name, removedAt: null, id: { not: environmentId } }, select: { id: true } });
        if (taken) throw new AppError("CONFLICT", `name: this project already has an environment named ${name}.`);
      }
      await tx.environment.update({
        where: { id: environmentId },
        data: {
          name,
          timeZone,
          ...(urlChanged ? { databaseUrlEncrypted: encryptSecret(newUrl!) } : {}),
          ...(caChanged ? { sslRootCertEncrypted: newCa ? encryptSecret(newCa) : null } : {}),
        },
      });
      await recordAudit(tx, {
        actor: auditActorOf(actor),
        action: "environment.updated",
        subjectType: "environment",
        subjectId: environmentId,
        projectId: current.projectId,
        before: auditFacts(current, oldUrl, current.sslRootCertEncrypted !== null),
        after: { ...auditFacts({ name, position: current.position, timeZone }, url, hasCaCert), urlReplaced: urlChanged, caCertReplaced: caChanged },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `name: this project already has an environment named ${name}.`);
    }
    throw error;
  }
  // The old certificate's file is no longer named by any URL; the new one is written on first use.
  if (caChanged) forgetCaCertificateFiles(environmentId);
  const saved = await db().environment.findUniqueOrThrow({ where: { id: environmentId }, include: { policy: { select: { id: true } } } });
  return environmentView(saved);
}
