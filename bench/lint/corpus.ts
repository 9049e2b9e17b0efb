import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Deterministic PRNG (mulberry32) so every run lints the same corpus. */
function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODELS = ["User", "Organization", "Project", "Task", "Invoice", "Payment", "Comment", "Tag", "Event", "Session", "Subscription", "Plan", "Webhook", "ApiKey", "AuditLog"];
const FIELDS = ["name", "title", "status", "amount", "notes", "slug", "email", "externalId", "priority", "dueAt", "archivedAt", "currency", "metadata"];

type Generator = { name: string; sql: (pick: <T>(xs: T[]) => T, table: string, field: string, n: number) => string; down?: (table: string, field: string, n: number) => string };

/**
 * Shapes Prisma Migrate actually generates (CREATE TABLE with CONSTRAINT … PRIMARY KEY, TIMESTAMP(3),
 * CREATE UNIQUE INDEX, FKs added with ALTER TABLE … ON DELETE … ON UPDATE CASCADE, enum changes) plus the
 * hand-written edits teams add (backfills, lock_timeout, CONCURRENTLY, RLS).
 */
const GENERATORS: Generator[] = [
  {
    name: "create_table",
    sql: (_pick, table, _f, n) =>
      `-- CreateTable\nCREATE TABLE "${table}${n}" (\n    "id" TEXT NOT NULL,\n    "organizationId" TEXT NOT NULL,\n    "name" TEXT NOT NULL,\n    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    "updatedAt" TIMESTAMP(3) NOT NULL,\n    "data" JSONB,\n\n    CONSTRAINT "${table}${n}_pkey" PRIMARY KEY ("id")\n);\n\n-- CreateIndex\nCREATE INDEX "${table}${n}_organizationId_idx" ON "${table}${n}"("organizationId");\n\n-- AddForeignKey\nALTER TABLE "${table}${n}" ADD CONSTRAINT "${table}${n}_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;\n`,
    down: (table, _f, n) => `DROP TABLE "${table}${n}";\n`,
  },
  { name: "add_column", sql: (_p, t, f, n) => `-- AlterTable\nALTER TABLE "${t}" ADD COLUMN "${f}${n}" TEXT;\n`, down: (t, f, n) => `ALTER TABLE "${t}" DROP COLUMN "${f}${n}";\n` },
  { name: "add_column_default", sql: (_p, t, f, n) => `-- AlterTable\nALTER TABLE "${t}" ADD COLUMN "${f}${n}" BOOLEAN NOT NULL DEFAULT false;\n` },
  { name: "add_uuid_column", sql: (_p, t, f, n) => `ALTER TABLE "${t}" ADD COLUMN "${f}${n}" UUID NOT NULL DEFAULT gen_random_uuid();\n` },
  { name: "add_required_column", sql: (_p, t, f, n) => `-- AlterTable\nALTER TABLE "${t}" ADD COLUMN "${f}${n}" TEXT NOT NULL;\n` },
  { name: "create_index", sql: (_p, t, f, n) => `-- CreateIndex\nCREATE INDEX "${t}_${f}${n}_idx" ON "${t}"("${f}");\n`, down: (t, f, n) => `DROP INDEX "${t}_${f}${n}_idx";\n` },
  { name: "create_unique_index", sql: (_p, t, f, n) => `-- CreateIndex\nCREATE UNIQUE INDEX "${t}_${f}${n}_key" ON "${t}"("${f}");\n` },
  { name: "create_index_concurrently", sql: (_p, t, f, n) => `SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "${t}_${f}${n}_idx" ON "${t}"("organizationId", "${f}");\n` },
  { name: "add_foreign_key", sql: (pick, t, _f, n) => `-- AddForeignKey\nALTER TABLE "${t}" ADD CONSTRAINT "${t}_ref${n}_fkey" FOREIGN KEY ("ref${n}") REFERENCES "${pick(MODELS)}"("id") ON DELETE SET NULL ON UPDATE CASCADE;\n` },
  { name: "add_check", sql: (_p, t, f, n) => `ALTER TABLE "${t}" ADD CONSTRAINT "${t}_${f}${n}_check" CHECK ("${f}" IS NOT NULL) NOT VALID;\nALTER TABLE "${t}" VALIDATE CONSTRAINT "${t}_${f}${n}_check";\n` },
  { name: "set_not_null", sql: (_p, t, f) => `-- AlterTable\nALTER TABLE "${t}" ALTER COLUMN "${f}" SET NOT NULL;\n` },
  { name: "change_type", sql: (pick, t, f) => `-- AlterTable\nALTER TABLE "${t}" ALTER COLUMN "${f}" SET DATA TYPE ${pick(["BIGINT", "VARCHAR(100)", "TEXT", "DECIMAL(65,30)", "TIMESTAMPTZ(3)"])};\n` },
  { name: "drop_column", sql: (_p, t, f) => `-- AlterTable\nALTER TABLE "${t}" DROP COLUMN "${f}";\n` },
  { name: "rename_column", sql: (_p, t, f, n) => `-- AlterTable\nALTER TABLE "${t}" RENAME COLUMN "${f}" TO "${f}${n}";\n` },
  { name: "drop_table", sql: (_p, t, _f, n) => `-- DropTable\nDROP TABLE "${t}Legacy${n}";\n` },
  { name: "create_enum", sql: (_p, t, _f, n) => `-- CreateEnum\nCREATE TYPE "${t}Status${n}" AS ENUM ('ACTIVE', 'ARCHIVED');\n\n-- AlterTable\nALTER TABLE "${t}" ADD COLUMN "status${n}" "${t}Status${n}" NOT NULL DEFAULT 'ACTIVE';\n` },
  { name: "enum_add_value", sql: (_p, t) => `-- AlterEnum\nALTER TYPE "${t}Status" ADD VALUE 'PAUSED';\n` },
  {
    name: "enum_remove_value",
    sql: (_p, t) =>
      `-- AlterEnum\nBEGIN;\nCREATE TYPE "${t}Status_new" AS ENUM ('ACTIVE');\nALTER TABLE "${t}" ALTER COLUMN "status" TYPE "${t}Status_new" USING ("status"::text::"${t}Status_new");\nALTER TYPE "${t}Status" RENAME TO "${t}Status_old";\nALTER TYPE "${t}Status_new" RENAME TO "${t}Status";\nDROP TYPE "${t}Status_old";\nCOMMIT;\n`,
  },
  { name: "backfill", sql: (_p, t, f, n) => `ALTER TABLE "${t}" ADD COLUMN "${f}${n}" TEXT;\nUPDATE "${t}" SET "${f}${n}" = "${f}";\n` },
  { name: "rename_table", sql: (_p, t, _f, n) => `ALTER TABLE "${t}" RENAME TO "${t}${n}";\n` },
  { name: "vacuum_full", sql: (_p, t) => `VACUUM FULL "${t}";\n` },
  { name: "add_unique_constraint", sql: (_p, t, f, n) => `ALTER TABLE "${t}" ADD CONSTRAINT "${t}_${f}${n}_key" UNIQUE ("${f}");\n` },
  { name: "drop_index", sql: (_p, t, f) => `-- DropIndex\nDROP INDEX "${t}_${f}_idx";\n` },
  { name: "add_serial", sql: (_p, t, _f, n) => `ALTER TABLE "${t}" ADD COLUMN "seq${n}" SERIAL;\n` },
  { name: "truncate", sql: (_p, t) => `TRUNCATE "${t}" CASCADE;\n` },
  {
    name: "tenant_table_rls",
    sql: (_p, t, _f, n) =>
      `CREATE TABLE "${t}Scoped${n}" ("id" TEXT NOT NULL, "organizationId" TEXT NOT NULL, CONSTRAINT "${t}Scoped${n}_pkey" PRIMARY KEY ("id"));\nALTER TABLE "${t}Scoped${n}" ENABLE ROW LEVEL SECURITY;\nALTER TABLE "${t}Scoped${n}" FORCE ROW LEVEL SECURITY;\nCREATE POLICY "tenant" ON "${t}Scoped${n}" USING ("organizationId" = current_setting('app.organizationId'));\n`,
    down: (t, _f, n) => `DROP TABLE "${t}Scoped${n}";\n`,
  },
];

/** Writes `count` Prisma migration directories (1–4 changes each) under `root`; returns their directory. */
export function generateCorpus(root: string, count: number): string {
  const dir = path.join(root, "migrations");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = random(20250101);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const base = 'CREATE TABLE "Organization" ("id" TEXT NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "Organization_pkey" PRIMARY KEY ("id"));\n';
  writeMigration(dir, "00000000000000_init", base, 'DROP TABLE "Organization";\n');
  for (let i = 1; i < count; i++) {
    const parts: string[] = [];
    const downs: string[] = [];
    const changes = 1 + Math.floor(rand() * 4);
    for (let c = 0; c < changes; c++) {
      const generator = pick(GENERATORS);
      const table = pick(MODELS);
      const field = pick(FIELDS);
      parts.push(generator.sql(pick, table, field, i));
      if (generator.down) downs.push(generator.down(table, field, i));
    }
    const name = `${String(20240000000000 + i * 100)}_migration_${i}`;
    writeMigration(dir, name, parts.join("\n"), rand() < 0.5 && downs.length > 0 ? downs.reverse().join("") : undefined);
  }
  return dir;
}

function writeMigration(dir: string, name: string, sql: string, down?: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
  if (down) writeFileSync(path.join(dir, name, "down.sql"), down);
}
