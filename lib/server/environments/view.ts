import { decryptSecret } from "@/lib/server/secrets";
import { checkConnectionUrl, redactedUrl, type SslMode } from "./connection-url";
import { summarizeCaCertificate } from "./ca-certificate";

/** An environment as pages and the API show it: the URL redacted, never the stored one. */
export type EnvironmentView = {
  id: string;
  name: string;
  position: number;
  /** Password shown as •••; null when the stored URL cannot be decrypted with this server's key. */
  url: string | null;
  schema: string;
  sslmode: SslMode | null;
  hasCaCert: boolean;
  caCertificate: { subject: string; validTo: string } | null;
  timeZone: string;
  hasPolicy: boolean;
};

export type StoredEnvironment = {
  id: string;
  name: string;
  position: number;
  databaseUrlEncrypted: string;
  sslRootCertEncrypted: string | null;
  timeZone: string;
  policy?: { id: string } | null;
};

function decrypted(sealed: string): string | null {
  try {
    return decryptSecret(sealed);
  } catch {
    return null;
  }
}

export function environmentView(environment: StoredEnvironment): EnvironmentView {
  const url = decrypted(environment.databaseUrlEncrypted);
  let facts: { schema: string; sslmode: SslMode | null } = { schema: "public", sslmode: null };
  try {
    if (url) facts = checkConnectionUrl(url);
  } catch {
    // Stored before these checks existed: still shown, the test connection says what is wrong.
  }
  const ca = environment.sslRootCertEncrypted ? decrypted(environment.sslRootCertEncrypted) : null;
  const summary = ca ? summarizeCaCertificate(ca) : null;
  return {
    id: environment.id,
    name: environment.name,
    position: environment.position,
    url: url ? redactedUrl(url) : null,
    schema: facts.schema,
    sslmode: facts.sslmode,
    hasCaCert: environment.sslRootCertEncrypted !== null,
    caCertificate: summary ? { subject: summary.subject, validTo: summary.validTo.toISOString() } : null,
    timeZone: environment.timeZone,
    hasPolicy: Boolean(environment.policy),
  };
}

/** The facts an audit event may hold about an environment: no URL, no password, no certificate. */
export function auditFacts(environment: { name: string; position: number; timeZone: string }, url: string | null, hasCaCert: boolean) {
  let facts: { schema: string; sslmode: SslMode | null } = { schema: "public", sslmode: null };
  try {
    if (url) facts = checkConnectionUrl(url);
  } catch {
    // An unreadable old URL: the event still records the rest.
  }
  return { name: environment.name, position: environment.position, schema: facts.schema, sslmode: facts.sslmode, hasCaCert, timeZone: environment.timeZone };
}
