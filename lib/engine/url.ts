import { readFileSync } from "node:fs";
import type { ClientConfig } from "pg";
import { EngineError } from "./errors";

export type TargetDatabase = {
  /** Ready for `new pg.Client(config)`: only what node-postgres understands. */
  config: ClientConfig;
  /** Prisma's `?schema=`: where `_prisma_migrations` lives and the session's search_path. */
  schema: string;
  database: string;
  /** Prisma-only parameters that mean nothing to a single migration connection; accepted, never fatal. */
  ignoredParams: string[];
};

// Pool and driver knobs of Prisma's query engine: meaningful to Prisma Client, not to a migrator.
const IGNORED_PARAMS = new Set([
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "max_connection_lifetime",
  "max_idle_connection_lifetime",
  "single_use_connections",
  "sslidentity",
  "sslpassword",
  "sslcert_password",
  "schema_search_path",
]);

/** Turns a Prisma-style PostgreSQL URL into a node-postgres config, honouring Prisma's conventions. */
export function parseDatabaseUrl(url: string): TargetDatabase {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EngineError("BAD_INPUT", `Not a valid database URL: ${redactUrl(url)}`);
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new EngineError("BAD_INPUT", `Expected a postgresql:// URL, got ${parsed.protocol}//`, { url: redactUrl(url) });
  }

  const params = parsed.searchParams;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres";
  const config: ClientConfig = {
    host: params.get("host") ?? (decodeURIComponent(parsed.hostname) || "localhost"),
    port: parsed.port ? Number(parsed.port) : Number(params.get("port") ?? 5432),
    user: decodeURIComponent(parsed.username) || params.get("user") || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : (params.get("password") ?? undefined),
    database,
  };

  const connectTimeout = params.get("connect_timeout");
  // Prisma's default connect timeout is 5 s; keep a bound so an unreachable target fails fast.
  config.connectionTimeoutMillis = connectTimeout !== null && Number.isFinite(Number(connectTimeout)) ? Number(connectTimeout) * 1000 : 5000;
  const applicationName = params.get("application_name");
  if (applicationName) config.application_name = applicationName;
  const options = params.get("options");
  if (options) config.options = options;
  config.ssl = sslConfig(params);

  const known = new Set(["host", "port", "user", "password", "connect_timeout", "application_name", "options", "schema", "sslmode", "sslaccept", "sslcert", "sslrootcert"]);
  const ignoredParams = [...params.keys()].filter((key) => IGNORED_PARAMS.has(key) || !known.has(key));
  return { config, schema: params.get("schema") || "public", database, ignoredParams };
}

export const SSL_MODES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"] as const;

/**
 * libpq's sslmode (postgresql.org/docs/current/libpq-ssl.html), not node-postgres 8's own reading
 * of a connection string (which makes require and verify-ca check the host name, like verify-full):
 * - disable, allow, prefer: no TLS (node-postgres cannot fall back from TLS to plain text);
 * - require: encrypted, the server not verified; with a CA, checked like verify-ca (as libpq does);
 * - verify-ca: the server's certificate must chain to the CA; its host name is not checked;
 * - verify-full: the chain and the host name; without a CA, against the system's trusted CAs.
 * Prisma's sslaccept=strict makes require verify fully. The CA file is libpq's sslrootcert or
 * Prisma's sslcert (which Prisma uses for the server's CA).
 */
function sslConfig(params: URLSearchParams): ClientConfig["ssl"] {
  const mode = params.get("sslmode");
  if (mode !== null && !(SSL_MODES as readonly string[]).includes(mode)) {
    throw new EngineError("BAD_INPUT", `Unknown sslmode "${mode}": use one of ${SSL_MODES.join(", ")}.`);
  }
  if (mode === null || mode === "disable" || mode === "prefer" || mode === "allow") return false;
  const caFile = params.get("sslrootcert") ?? params.get("sslcert");
  const ca = caFile ? readCaFile(caFile) : undefined;
  if (mode === "verify-full" || (mode === "require" && params.get("sslaccept") === "strict")) {
    return { rejectUnauthorized: true, ...(ca ? { ca } : {}) };
  }
  if (mode === "verify-ca" || ca) {
    if (!ca) throw new EngineError("BAD_INPUT", "sslmode=verify-ca needs the server's CA certificate (sslrootcert).");
    // The chain is still verified (rejectUnauthorized); only the host name check is skipped.
    return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
  }
  return { rejectUnauthorized: false };
}

function readCaFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new EngineError("BAD_INPUT", `Cannot read the CA certificate file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The URL with its password replaced, safe for logs, errors and the UI. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "*****";
    for (const key of ["password", "sslpassword"]) if (parsed.searchParams.has(key)) parsed.searchParams.set(key, "*****");
    return parsed.toString();
  } catch {
    // Unparseable: hide anything between "://user:" and "@".
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, "$1*****@");
  }
}
