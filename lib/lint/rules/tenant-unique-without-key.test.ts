import { describeRule } from "../testing";

const project = 'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "slug" TEXT NOT NULL);\n';

describeRule("tenant-unique-without-key", {
  flags: [
    project + 'CREATE UNIQUE INDEX "Project_slug_key" ON "Project" ("slug");',
    'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "slug" TEXT UNIQUE);',
    { sql: 'ALTER TABLE "Project" ADD CONSTRAINT "u" UNIQUE ("slug");', previousSql: [project] },
  ],
  passes: [
    project + 'CREATE UNIQUE INDEX "Project_org_slug_key" ON "Project" ("organizationId", "slug");',
    'CREATE TABLE "Country" ("code" TEXT PRIMARY KEY, "name" TEXT UNIQUE);',
    // The primary key is not a tenant-scoped business key.
    project,
  ],
});
