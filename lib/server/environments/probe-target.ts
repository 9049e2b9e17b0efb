import pg from "pg";
import { parseDatabaseUrl } from "@/lib/engine";
import { quoteIdent } from "@/lib/engine/sql-text";
import { AppError } from "@/lib/errors";
import { withDeadline } from "@/lib/health/target-url";
import type { SslMode } from "./connection-url";

/** What "Test connection" found: enough to tell whether migrations can run there, and what to fix. */
export type ConnectionReport = {
  ok: true;
  serverVersion: string;
  /** The role Sluice connects as (current_user). */
  role: string;
  superuser: boolean;
  /** Prisma's ?schema= (public when absent): where the migrations and _prisma_migrations live. */
  schema: string;
  schemaExists: boolean;
  /** The role may create in the schema (or, when it does not exist yet, create the schema). */
  canCreate: boolean;
  /** The role may create databases: the rehearsal before a protected (prod) deploy needs a throwaway one. */
  canCreateDatabase: boolean;
  historyTable: { exists: boolean; rows: number | null; failed: number | null };
  /** The session is TLS-encrypted (pg_stat_ssl). */
  encrypted: boolean;
  warnings: string[];
};

export type ProbeInput = {
  /** The URL to connect with (may name Sluice's CA file). */
  url: string;
  /** The URL as people may see it (redacted), for messages. */
  display: string;
  schema: string;
  sslmode: SslMode | null;
  hasCaCert: boolean;
  host: string;
  /** Deploys there are rehearsed on a throwaway database first (lib/deploy/backup.ts isProtectedEnvironment). */
  rehearsed: boolean;
};

const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 5_000;

/** A sentence that says what to do about a TLS or connection failure Node reports by code. */
function hintFor(error: unknown): string {
  const code = (error as { code?: string }).code ?? "";
  const message = error instanceof Error ? error.message : "";
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return " The server's certificate does not name this host: connect with a host name the certificate holds, or use sslmode=verify-ca to check the CA only.";
  }
  if (["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "SELF_SIGNED_CERT_IN_CHAIN", "DEPTH_ZERO_SELF_SIGNED_CERT", "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"].includes(code)) {
    return " The server's certificate is not signed by the CA certificate given (or, without one, by a CA this system trusts): paste the CA that issued it.";
  }
  if (code === "CERT_HAS_EXPIRED") return " The server's certificate has expired.";
  if (/does not support SSL/.test(message)) return " The server does not accept TLS: enable ssl on it, or use sslmode=disable only on a network you trust.";
  if (/no encryption|SSL off|no pg_hba.conf entry/.test(message)) return " The server may require TLS: add sslmode=verify-full (or require) to the URL.";
  return "";
}

function isLocal(host: string): boolean {
  return host === "localhost" || host === "127.0.0.1" || host === "::1" || host === "[::1]" || host.startsWith("/");
}

async function inspect(client: pg.Client, input: ProbeInput): Promise<ConnectionReport> {
  const warnings: string[] = [];
  const who = await client.query<{ version: string; role: string; superuser: boolean; createdb: boolean; encrypted: boolean; schema_exists: boolean }>(
    `SELECT current_setting('server_version') AS version, current_user AS role,
            coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false) AS superuser,
            coalesce((SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user), false) AS createdb,
            coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS encrypted,
            EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS schema_exists`,
    [input.schema],
  );
  const { version, role, superuser, createdb: canCreateDatabase, encrypted, schema_exists: schemaExists } = who.rows[0];
  const privilege = schemaExists
    ? await client.query<{ ok: boolean }>(`SELECT has_schema_privilege($1, 'CREATE') AS ok`, [input.schema])
    : await client.query<{ ok: boolean }>(`SELECT has_database_privilege(current_database(), 'CREATE') AS ok`);
  const canCreate = privilege.rows[0].ok;
  const located = await client.query<{ exists: boolean }>(`SELECT to_regclass(format('%I._prisma_migrations', $1::text)) IS NOT NULL AS exists`, [input.schema]);
  const historyTable: ConnectionReport["historyTable"] = { exists: located.rows[0].exists, rows: null, failed: null };
  if (historyTable.exists) {
    try {
      const counted = await client.query<{ rows: number; failed: number }>(
        `SELECT count(*)::int AS rows, count(*) FILTER (WHERE finished_at IS NULL AND rolled_back_at IS NULL)::int AS failed FROM ${quoteIdent(input.schema)}."_prisma_migrations"`,
      );
      historyTable.rows = counted.rows[0].rows;
      historyTable.failed = counted.rows[0].failed;
    } catch (error) {
      warnings.push(`Cannot read ${input.schema}._prisma_migrations as ${role}: ${error instanceof Error ? error.message : String(error)}. Sluice must read and write it to deploy.`);
    }
  }

  if (superuser) warnings.push(`${role} is a superuser: connect as a role with the least privileges the migrations need, not a superuser.`);
  if (!schemaExists) {
    warnings.push(
      canCreate
        ? `Schema ${input.schema} does not exist yet: the first deploy creates it.`
        : `Schema ${input.schema} does not exist and ${role} may not create it: create it first (CREATE SCHEMA ${quoteIdent(input.schema)} AUTHORIZATION ${quoteIdent(role)}).`,
    );
  } else if (!canCreate) {
    warnings.push(`${role} may not create in schema ${input.schema}: migrations that create tables will fail (GRANT CREATE ON SCHEMA ${quoteIdent(input.schema)} TO ${quoteIdent(role)}).`);
  }
  if (input.rehearsed && !canCreateDatabase) {
    warnings.push(`${role} may not create databases: a deploy here is first rehearsed on a throwaway database on the same server, so it would be blocked (ALTER ROLE ${quoteIdent(role)} CREATEDB).`);
  }
  if (historyTable.failed) {
    warnings.push(`${historyTable.failed} failed migration${historyTable.failed === 1 ? "" : "s"} recorded in _prisma_migrations: deploys stay blocked until each is resolved.`);
  }
  if (!encrypted && !isLocal(input.host)) {
    warnings.push("The connection is not encrypted: add sslmode=verify-full (with the server's CA certificate if a private CA signed it), or at least sslmode=require.");
  } else if (encrypted && input.sslmode === "require" && !input.hasCaCert) {
    warnings.push("sslmode=require encrypts but does not verify the server: paste its CA certificate and use sslmode=verify-full.");
  }
  return { ok: true, serverVersion: version, role, superuser, schema: input.schema, schemaExists, canCreate, canCreateDatabase, historyTable, encrypted, warnings };
}

/**
 * Connects once with short timeouts (connect 5 s, statements 5 s) and reports who Sluice is
 * there and what it may do. A connection that fails is TARGET_FAILED with PostgreSQL's (or
 * the TLS layer's) own message and what to do about it; the URL in it is redacted.
 */
export async function probeTarget(input: ProbeInput): Promise<ConnectionReport> {
  let config: pg.ClientConfig;
  try {
    config = parseDatabaseUrl(input.url).config;
  } catch (error) {
    throw new AppError("BAD_INPUT", `url: ${error instanceof Error ? error.message : String(error)}`);
  }
  const client = new pg.Client({
    ...config,
    connectionTimeoutMillis: Math.min(config.connectionTimeoutMillis ?? CONNECT_TIMEOUT_MS, CONNECT_TIMEOUT_MS),
    statement_timeout: STATEMENT_TIMEOUT_MS,
    lock_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 1_000,
    application_name: "sluice-test-connection",
  });
  client.on("error", () => undefined);
  try {
    await withDeadline(client.connect(), CONNECT_TIMEOUT_MS + 1_000, "timeout expired");
  } catch (error) {
    await client.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("TARGET_FAILED", `Cannot connect to ${input.display}: ${reason}.${hintFor(error)}`, { code: (error as { code?: string }).code ?? null });
  }
  try {
    return await inspect(client, input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("TARGET_FAILED", `Connected to ${input.display}, but reading the catalog failed: ${reason}.`, { code: (error as { code?: string }).code ?? null });
  } finally {
    await client.end().catch(() => undefined);
  }
}
