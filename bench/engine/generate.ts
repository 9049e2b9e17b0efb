/**
 * A realistic migration history for a multi-tenant SaaS, as `prisma migrate dev` would have
 * written it over a few years: mostly new tables and columns with their indexes and foreign
 * keys, some enums, data backfills, functions and triggers, views, and now and then an index
 * built CONCURRENTLY in a file of its own. Deterministic, so runs compare like with like.
 */
export type GeneratedMigration = { name: string; sql: string; concurrently: boolean };

const COLUMN_TYPES = ["TEXT", "INTEGER", "BOOLEAN NOT NULL DEFAULT false", "TIMESTAMP(3)", "DECIMAL(65,30)", "JSONB", "VARCHAR(191)", "BIGINT"];

export function generateMigrations(count: number): GeneratedMigration[] {
  const migrations: GeneratedMigration[] = [];
  const tables: { name: string; columns: number }[] = [];
  let enums = 0;
  let random = 42;
  const next = (n: number) => {
    // Park–Miller: stable across Node versions, unlike Math.random seeding tricks.
    random = (random * 48271) % 2147483647;
    return random % n;
  };
  const start = Date.UTC(2021, 0, 1);

  for (let i = 0; i < count; i++) {
    const stamp = new Date(start + i * 36 * 3600 * 1000).toISOString().replace(/\D/g, "").slice(0, 14);
    const kind = tables.length < 5 ? 0 : next(20);
    let name: string;
    let sql: string;
    let concurrently = false;

    if (kind <= 5) {
      const table = `Model${tables.length}`;
      const parent = tables.length ? tables[next(tables.length)].name : null;
      name = `create_${table.toLowerCase()}`;
      sql = `-- CreateTable
CREATE TABLE "${table}" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,${parent ? `\n    "${parent.toLowerCase()}Id" TEXT,` : ""}

    CONSTRAINT "${table}_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "${table}_organizationId_idx" ON "${table}"("organizationId");
${parent ? `\n-- AddForeignKey\nALTER TABLE "${table}" ADD CONSTRAINT "${table}_${parent.toLowerCase()}Id_fkey" FOREIGN KEY ("${parent.toLowerCase()}Id") REFERENCES "${parent}"("id") ON DELETE SET NULL ON UPDATE CASCADE;\n` : ""}`;
      tables.push({ name: table, columns: 0 });
    } else if (kind <= 10) {
      const table = tables[next(tables.length)];
      const column = `field${table.columns++}`;
      name = `add_${column}_to_${table.name.toLowerCase()}`;
      sql = `-- AlterTable\nALTER TABLE "${table.name}" ADD COLUMN "${column}" ${COLUMN_TYPES[next(COLUMN_TYPES.length)]};\n`;
    } else if (kind <= 12) {
      const table = tables[next(tables.length)];
      name = `index_${table.name.toLowerCase()}_created_${i}`;
      sql = `-- CreateIndex\nCREATE INDEX "${table.name}_createdAt_${i}_idx" ON "${table.name}"("organizationId", "createdAt");\n`;
    } else if (kind === 13) {
      const table = tables[next(tables.length)];
      name = `concurrent_index_${table.name.toLowerCase()}_${i}`;
      sql = `-- Built without blocking writes: alone in its file\nCREATE INDEX CONCURRENTLY "${table.name}_name_${i}_idx" ON "${table.name}"("name");\n`;
      concurrently = true;
    } else if (kind === 14) {
      const table = tables[next(tables.length)];
      const type = `Status${enums++}`;
      name = `add_${type.toLowerCase()}`;
      sql = `-- CreateEnum\nCREATE TYPE "${type}" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');\n\n-- AlterTable\nALTER TABLE "${table.name}" ADD COLUMN "status${i}" "${type}" NOT NULL DEFAULT 'DRAFT';\n`;
    } else if (kind <= 16) {
      const table = tables[next(tables.length)];
      name = `backfill_${table.name.toLowerCase()}_${i}`;
      sql = `-- Backfill in batches-friendly form\nINSERT INTO "${table.name}" ("id", "organizationId", "name", "updatedAt")\nSELECT 'seed-${i}-' || g, 'org-' || (g % 10), 'row ' || g, now() FROM generate_series(1, 50) AS g;\nUPDATE "${table.name}" SET "name" = upper("name") WHERE "organizationId" = 'org-1';\n`;
    } else if (kind === 17) {
      const table = tables[next(tables.length)];
      name = `trigger_${table.name.toLowerCase()}_${i}`;
      sql = `CREATE OR REPLACE FUNCTION "touch_${i}"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW."updatedAt" := now();\n  RETURN NEW;\nEND\n$$;\n\nCREATE TRIGGER "${table.name}_touch_${i}" BEFORE UPDATE ON "${table.name}" FOR EACH ROW EXECUTE FUNCTION "touch_${i}"();\n`;
    } else if (kind === 18) {
      const table = tables[next(tables.length)];
      name = `view_${table.name.toLowerCase()}_${i}`;
      sql = `CREATE VIEW "${table.name}Summary${i}" AS\nSELECT "organizationId", count(*) AS "rows", max("createdAt") AS "lastCreatedAt"\nFROM "${table.name}" GROUP BY "organizationId";\n`;
    } else {
      const table = tables[next(tables.length)];
      name = `rls_${table.name.toLowerCase()}_${i}`;
      sql = `ALTER TABLE "${table.name}" ENABLE ROW LEVEL SECURITY;\nDROP POLICY IF EXISTS "${table.name}_tenant" ON "${table.name}";\nCREATE POLICY "${table.name}_tenant" ON "${table.name}" USING ("organizationId" = current_setting('app.organization_id', true));\n`;
    }
    migrations.push({ name: `${stamp}_${name}`, sql, concurrently });
  }
  return migrations;
}
