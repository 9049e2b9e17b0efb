import { describeRule } from "../testing";

const project = 'CREATE TABLE "Project" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL);\n';

describeRule("tenant-fk-without-key", {
  flags: [
    project + 'CREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "projectId" TEXT REFERENCES "Project"("id"));',
    {
      sql: 'ALTER TABLE "Task" ADD CONSTRAINT "Task_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") NOT VALID;',
      previousSql: [project, 'CREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "projectId" TEXT);'],
    },
  ],
  passes: [
    project + 'CREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "projectId" TEXT, FOREIGN KEY ("organizationId", "projectId") REFERENCES "Project"("organizationId", "id"));',
    // Pointing at the tenant table itself (organizationId → Organization) is how tenancy is expressed.
    'CREATE TABLE "Organization" ("id" TEXT PRIMARY KEY);\nCREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "organizationId" TEXT REFERENCES "Organization"("id"));',
    'CREATE TABLE "Country" ("code" TEXT PRIMARY KEY);\nCREATE TABLE "Task" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL, "country" TEXT REFERENCES "Country"("code"));',
  ],
});
