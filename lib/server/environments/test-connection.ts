import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { isProtectedEnvironment } from "@/lib/deploy/backup";
import { AppError } from "@/lib/errors";
import { authorize, type CurrentUser } from "@/lib/auth/roles";
import { decryptSecret } from "@/lib/server/secrets";
import { ZTestUnsavedConnection } from "@/lib/schemas/environment";
import { caCertificateFile, forgetCaCertificateFiles, withCaCertificateFile } from "./ca-certificate";
import { checkConnectionUrl, checkTlsSettings, redactedUrl } from "./connection-url";
import { pastedCaCertificate } from "./pasted-certificate";
import { probeTarget, type ConnectionReport } from "./probe-target";
import { parseInput } from "./input";

export type { ConnectionReport } from "./probe-target";

/**
 * What to test: a saved environment (optionally with the edit form's unsaved URL or CA:
 * an empty URL keeps the stored one, caCert null drops the stored CA), or a new one's URL
 * and CA before it is saved.
 */
export type ConnectionToTest =
  | { environmentId: string; url?: string; caCert?: string | null; name?: string }
  | { projectId: string; url: string; caCert?: string | null; name?: string };

/**
 * "Test connection": connects as the environment would and reports server version, role,
 * superuser, CREATE in the schema and the `_prisma_migrations` rows, with warnings. Admins
 * only (settings.manage): it makes Sluice open a connection to an address they choose.
 */
export async function testConnection(actor: CurrentUser, target: ConnectionToTest): Promise<ConnectionReport> {
  let projectId: string;
  let storedUrl: string | null = null;
  let storedCa: string | null = null;
  let storedName: string | null = null;
  if ("environmentId" in target) {
    const environment = await db().environment.findFirst({ where: { id: target.environmentId, removedAt: null } });
    if (!environment) throw new AppError("NOT_FOUND", "No such environment.");
    projectId = environment.projectId;
    storedName = environment.name;
    await authorize(actor, projectId, "settings.manage");
    try {
      storedUrl = decryptSecret(environment.databaseUrlEncrypted);
      storedCa = environment.sslRootCertEncrypted ? decryptSecret(environment.sslRootCertEncrypted) : null;
    } catch {
      if (!target.url?.trim()) throw new AppError("BAD_INPUT", "url: the stored URL cannot be decrypted with this server's key: paste the URL again.");
    }
  } else {
    projectId = target.projectId;
    await authorize(actor, projectId, "settings.manage");
    parseInput(ZTestUnsavedConnection, { url: target.url, caCert: target.caCert ?? undefined });
  }

  const url = target.url?.trim() || storedUrl;
  if (!url) throw new AppError("BAD_INPUT", "url: paste the database's connection URL first.");
  const ca = target.caCert === null ? null : (pastedCaCertificate(target.caCert) ?? storedCa);
  const facts = checkConnectionUrl(url);
  checkTlsSettings(facts.sslmode, ca !== null);

  // The CA as the deploy would read it, under a name of its own, removed after the test.
  const owner = `test-${randomUUID()}`;
  try {
    const connectUrl = ca ? withCaCertificateFile(url, caCertificateFile(owner, ca)) : url;
    // The name as the form has it (a rename in progress), else the stored one: prod deploys are rehearsed.
    const rehearsed = isProtectedEnvironment({ name: target.name?.trim() || storedName || "" });
    return await probeTarget({ url: connectUrl, display: redactedUrl(url), schema: facts.schema, sslmode: facts.sslmode, hasCaCert: ca !== null, host: facts.host, rehearsed });
  } finally {
    if (ca) forgetCaCertificateFiles(owner);
  }
}
