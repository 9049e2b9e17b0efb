import { createHash } from "node:crypto";
import pg from "pg";
import { E2E_PG_PORT } from "./instance";

/** The e2e instance's embedded server (lib/postgres/embedded.ts): control plane "sluice", targets riscura_*. */
export function databaseUrl(database: string): string {
  return `postgres://postgres:sluice-embedded@127.0.0.1:${E2E_PG_PORT}/${database}`;
}

/** Runs one query on a fresh connection: specs read the database between UI steps, never hold it. */
export async function query<Row extends pg.QueryResultRow = pg.QueryResultRow>(database: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export const controlPlane = <Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) => query<Row>("sluice", text, values);

/** The checksum Prisma (and Sluice) record for a migration.sql. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export async function requestByNumber(number: number) {
  const [row] = await controlPlane<{ id: string; status: string; requesterEmail: string }>(
    `SELECT r.id, r.status::text AS status, u.email AS "requesterEmail"
       FROM "MigrationRequest" r JOIN "User" u ON u.id = r."requesterId" WHERE r.number = $1`,
    [number],
  );
  if (!row) throw new Error(`request #${number} is not in the control plane`);
  return row;
}

export async function approvalsOf(requestId: string) {
  return controlPlane<{ decision: string; approverEmail: string; checksums: string }>(
    `SELECT a.decision::text AS decision, u.email AS "approverEmail", a.checksums
       FROM "Approval" a JOIN "User" u ON u.id = a."approverId" WHERE a."requestId" = $1 ORDER BY a."createdAt"`,
    [requestId],
  );
}

export async function migrationsOf(requestId: string) {
  return controlPlane<{ name: string; sql: string; checksum: string }>(
    `SELECT name, sql, checksum FROM "RequestMigration" WHERE "requestId" = $1 ORDER BY position`,
    [requestId],
  );
}

export async function deploymentsOf(requestId: string) {
  return controlPlane<{ id: string; environment: string; status: string; error: string | null; startedByEmail: string }>(
    `SELECT d.id, e.name AS environment, d.status::text AS status, d.error, u.email AS "startedByEmail"
       FROM "Deployment" d JOIN "Environment" e ON e.id = d."environmentId" JOIN "User" u ON u.id = d."startedById"
      WHERE d."requestId" = $1 ORDER BY d."createdAt"`,
    [requestId],
  );
}

export async function environmentId(name: string): Promise<string> {
  const [row] = await controlPlane<{ id: string }>(
    `SELECT e.id FROM "Environment" e JOIN "Project" p ON p.id = e."projectId" WHERE p.slug = 'riscura' AND e.name = $1`,
    [name],
  );
  if (!row) throw new Error(`no environment ${name} in project riscura`);
  return row.id;
}

/** Audit actions recorded about a request, including those about its deployments. */
export async function auditActionsFor(requestId: string) {
  return controlPlane<{ action: string; actorEmail: string; subjectType: string; subjectId: string }>(
    `SELECT action, "actorEmail", "subjectType", "subjectId" FROM "AuditEvent"
      WHERE ("subjectType" = 'request' AND "subjectId" = $1)
         OR ("subjectType" = 'deployment' AND "subjectId" IN (SELECT id FROM "Deployment" WHERE "requestId" = $1))
      ORDER BY id`,
    [requestId],
  );
}

export type PrismaMigrationRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; logs: string | null; applied_steps_count: number };

export async function prismaMigration(database: string, name: string): Promise<PrismaMigrationRow[]> {
  return query<PrismaMigrationRow>(
    database,
    `SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations WHERE migration_name = $1 ORDER BY started_at`,
    [name],
  );
}

export async function columnExists(database: string, table: string, column: string): Promise<boolean> {
  const rows = await query(database, `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`, [table, column]);
  return rows.length === 1;
}
