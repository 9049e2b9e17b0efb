import { AppError } from "@/lib/errors";
import { SSL_MODES } from "@/lib/engine/url";

export type SslMode = (typeof SSL_MODES)[number];

/** What Sluice may show and audit about a connection URL: never its password. */
export type UrlFacts = {
  schema: string;
  /** As written in the URL; null when absent (no TLS, see docs/environments.md). */
  sslmode: SslMode | null;
  host: string;
};

const INTEGER_PARAMS = ["connect_timeout", "connection_limit", "pool_timeout", "socket_timeout", "statement_cache_size", "max_connection_lifetime", "max_idle_connection_lifetime"];
const BOOLEAN_PARAMS = ["pgbouncer", "single_use_connections"];
const TEXT_PARAMS = ["application_name", "options"];
const ACCEPTED_PARAMS = ["schema", "sslmode", "sslaccept", ...INTEGER_PARAMS, ...BOOLEAN_PARAMS, ...TEXT_PARAMS];
/** Files on the Sluice server: the CA is pasted instead, so every process that connects has it. */
const FILE_PARAMS = ["sslrootcert", "sslcert", "sslkey", "sslidentity", "sslpassword", "sslcrl", "sslcrldir"];

// Prisma quotes the schema name, so more than a bare identifier works; keep to what is safe in every tool.
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/;

const EXAMPLE = "postgresql://user:password@host:5432/database?schema=public&sslmode=verify-full";

function bad(message: string): never {
  throw new AppError("BAD_INPUT", `url: ${message}`);
}

/**
 * Checks a connection URL as Prisma and libpq read it, naming the first problem found:
 * scheme, host, user, database, Prisma's `?schema=`, `sslmode`, and every other parameter
 * (Prisma's pool and driver knobs are accepted; anything else is named). Returns what may be
 * shown about it. The URL itself never appears in a message.
 */
export function checkConnectionUrl(raw: string): UrlFacts {
  const text = raw.trim();
  if (!text) bad(`paste the database's connection URL, e.g. ${EXAMPLE}`);
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) bad("contains a control character");
  if (/\s/.test(text)) bad("contains a space or line break: percent-encode spaces in the password as %20");
  if (text.includes("#")) bad("has a # in it: percent-encode # in the password as %23");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    bad(`is not a valid URL (expected ${EXAMPLE}); percent-encode special characters in the password: @ as %40, : as %3A, / as %2F, # as %23`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") bad(`must start with postgresql:// or postgres://, not ${url.protocol}//`);
  if (!url.hostname) bad("names no host: postgresql://user:password@HOST:5432/database");
  if (!url.username) bad("names no user: postgresql://USER:password@host:5432/database");
  const database = url.pathname.replace(/^\//, "");
  if (!database) bad("names no database: add /DATABASE after the host and port");
  if (database.includes("/")) bad(`the database name "${safeDecode(database)}" may not contain /`);

  const seen = new Set<string>();
  for (const [key, value] of url.searchParams) {
    if (seen.has(key)) bad(`the parameter ${key} appears twice`);
    seen.add(key);
    checkParam(key, value);
  }
  const sslmode = (url.searchParams.get("sslmode") as SslMode | null) ?? null;
  return { schema: url.searchParams.get("schema") || "public", sslmode, host: safeDecode(url.hostname) };
}

/** The CA certificate and sslmode must agree: a CA means verification, verify-ca needs one. */
export function checkTlsSettings(sslmode: SslMode | null, hasCaCert: boolean): void {
  if (hasCaCert && sslmode !== "require" && sslmode !== "verify-ca" && sslmode !== "verify-full") {
    throw new AppError("BAD_INPUT", `caCert: a CA certificate is only used with sslmode=verify-full, verify-ca or require; add sslmode=verify-full to the URL${sslmode ? ` (it says sslmode=${sslmode})` : ""}, or remove the certificate.`);
  }
  if (sslmode === "verify-ca" && !hasCaCert) {
    throw new AppError("BAD_INPUT", "caCert: sslmode=verify-ca needs the server's CA certificate: paste it (PEM), or use sslmode=verify-full to verify against the CAs this system trusts.");
  }
}

function checkParam(key: string, value: string) {
  if (key === "schema") {
    if (!SCHEMA_NAME.test(value)) bad(`schema "${value}" is not a valid schema name (letters, digits, _, $ or -, starting with a letter or _, at most 63)`);
  } else if (key === "sslmode") {
    if (!(SSL_MODES as readonly string[]).includes(value)) bad(`sslmode "${value}" is not one of ${SSL_MODES.join(", ")}`);
  } else if (key === "sslaccept") {
    if (value !== "strict" && value !== "accept_invalid_certs") bad(`sslaccept "${value}" is not strict or accept_invalid_certs`);
  } else if (INTEGER_PARAMS.includes(key)) {
    if (!/^\d{1,9}$/.test(value)) bad(`${key} "${value}" is not a whole number`);
  } else if (BOOLEAN_PARAMS.includes(key)) {
    if (value !== "true" && value !== "false") bad(`${key} "${value}" is not true or false`);
  } else if (key === "sslrootcert" || key === "sslcert") {
    bad(`${key} names a file on the server: paste the CA certificate into the CA certificate field instead`);
  } else if (FILE_PARAMS.includes(key)) {
    bad(`${key}: client certificates are not supported; connect with a password over TLS (sslmode=verify-full)`);
  } else if (!TEXT_PARAMS.includes(key)) {
    bad(`unknown parameter "${key}" (Sluice accepts ${ACCEPTED_PARAMS.join(", ")})`);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Query parameters whose values are secrets or that Sluice adds itself: never shown. */
const HIDDEN_PARAM = /pass|secret|token|key|sslrootcert/i;

/**
 * The URL for display: the password shown as •••, parameters that look like secrets (and the
 * CA file Sluice adds) left out. For pages, API answers and messages; never the stored URL.
 */
export function redactedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    // Unparseable: hide everything between "//user:" and "@".
    return raw.trim().replace(/(\/\/[^:/@]*:)[^@]*@/, "$1•••@");
  }
  const params = [...url.searchParams].filter(([key]) => !HIDDEN_PARAM.test(key));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  const credentials = url.username ? `${url.username}${url.password ? ":•••" : ""}@` : "";
  return `${url.protocol}//${credentials}${url.host}${url.pathname}${query}`;
}
