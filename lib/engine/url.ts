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

// Prisma: sslmode=require encrypts without verifying the server unless sslaccept=strict;
// sslcert (or libpq's sslrootcert) names the CA file.
function sslConfig(params: URLSearchParams): ClientConfig["ssl"] {
  const mode = params.get("sslmode");
  if (mode === null || mode === "disable" || mode === "prefer" || mode === "allow") return false;
  const caFile = params.get("sslcert") ?? params.get("sslrootcert");
  const strict = params.get("sslaccept") === "strict" || mode === "verify-full" || mode === "verify-ca";
  return { rejectUnauthorized: strict, ...(caFile ? { ca: readFileSync(caFile, "utf8") } : {}) };
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
