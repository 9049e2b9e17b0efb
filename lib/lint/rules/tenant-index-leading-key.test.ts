import { describeRule } from "../testing";

const project = 'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "slug" TEXT NOT NULL);\n';

describeRule("tenant-index-leading-key", {
  flags: [
    project + 'CREATE INDEX "Project_slug_idx" ON "Project" ("slug");',
    project + 'CREATE UNIQUE INDEX "Project_slug_org_key" ON "Project" ("slug", "organizationId");',
    { sql: 'CREATE INDEX CONCURRENTLY "Project_slug_idx" ON "Project" ("slug");', previousSql: [project] },
    { sql: 'CREATE INDEX CONCURRENTLY "Project_slug_idx" ON "Project" ("slug");', targetStats: { Project: { columns: [{ name: "organizationId", type: "text" }] } } },
    { sql: 'CREATE TABLE "P" ("id" TEXT, "tenant_id" TEXT);\nCREATE INDEX "i" ON "P" ("id");', config: { tenantKey: "tenant_id" } },
  ],
  passes: [
    project + 'CREATE INDEX "Project_org_slug_idx" ON "Project" ("organizationId", "slug");',
    'CREATE TABLE "Country" ("code" TEXT PRIMARY KEY, "name" TEXT);\nCREATE INDEX "Country_name_idx" ON "Country" ("name");',
    // Reported by tenant-unique-without-key instead.
    project + 'CREATE UNIQUE INDEX "Project_slug_key" ON "Project" ("slug");',
  ],
});
