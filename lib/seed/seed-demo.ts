import path from "node:path";
import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { auditActorOf, recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/credentials";
import type { CurrentUser } from "@/lib/auth/roles";
import { createProject } from "@/lib/server/projects/create-project";
import { createEnvironment } from "@/lib/server/environments";
import { addMembershipRecord, createUserRecord } from "@/lib/server/people/records";
import { projectWithChain } from "@/lib/server/projects";
import { standardPolicyFor } from "@/lib/workflow/default-policy";
import { createRequest } from "@/lib/server/requests";
import { lintForReview } from "@/lib/server/request-lint";
import { createStandardPolicies, updatePolicy } from "@/lib/server/policies";
import { readMigrationsDir } from "@/lib/engine";
import { databaseUrl } from "@/lib/postgres/urls";
import { RISCURA_MIGRATIONS_DIR, RISCURA_TARGETS, seedRiscuraTargets } from "@/lib/demo/seed-targets";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

type Log = (line: string) => void;

const HISTORY = [
  { migration: "001_add_rcsa_models", title: "RCSA models: assessments and control tests", type: "schema" },
  { migration: "002_add_policy_extraction_models", title: "Policy extraction from uploaded documents", type: "schema" },
  { migration: "003_add_document_management", title: "Document management: versions and sharing", type: "schema" },
  { migration: "004_add_billing_system", title: "Billing: plans, subscriptions, invoices, usage", type: "schema" },
] as const;

/**
 * `npm start`'s demo: the Riscura targets (schema 000–004 applied, thousands of rows)
 * and, in the control plane, the demo users, the `riscura` project with its three
 * environments, the history of 001–004, 005 waiting for review and 006 as a draft.
 * Runs once: a control plane that already has the project is left alone.
 */
export async function seedDemo({ targetServerUrl, log = () => {} }: { targetServerUrl: string; log?: Log }) {
  await seedRiscuraTargets(targetServerUrl, { log });
  const prisma = db();
  const existing = await prisma.project.findUnique({ where: { slug: "riscura" }, include: { environments: { include: { policy: true } } } });
  if (existing) {
    // A demo seeded before policies existed: give it the standard ones, or deny by default would lock it.
    if (existing.environments.every((e) => !e.policy)) {
      log("adding the standard environment policies to the demo project");
      await createStandardPolicies(existing.id, DEMO_POLICY_AUTHOR, demoPolicyOptions());
    }
    return;
  }
  log("creating demo users, the riscura project and its requests");

  // Through the same domain functions a team uses on its own install: the first admin (a site
  // admin, so "New project" shows), the project, its environments (each with the standard
  // policy for its place in the chain), then the people.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const adminSpec = DEMO_USERS.find((u) => u.role === "admin")!;
  const adminRecord = await prisma.$transaction((tx) => createUserRecord(tx, { email: adminSpec.email, name: adminSpec.name, passwordHash, siteAdmin: true }, DEMO_SEED_ACTOR));
  const admin: CurrentUser = { id: adminRecord.id, email: adminRecord.email, name: adminRecord.name, siteAdmin: true };
  const created = await createProject(admin, {
    slug: "riscura",
    name: "Riscura",
    source: { kind: "folder", path: path.relative(process.cwd(), RISCURA_MIGRATIONS_DIR) || RISCURA_MIGRATIONS_DIR },
  });
  const projectId = (await prisma.project.findUniqueOrThrow({ where: { slug: created.project.slug }, select: { id: true } })).id;
  for (const target of RISCURA_TARGETS) {
    await createEnvironment(admin, projectId, { name: target.environment, url: databaseUrl(targetServerUrl, target.database) });
  }
  if (!demoPolicyOptions().weekendFreeze) await liftWeekendFreeze(admin, projectId);

  const users: Record<string, { id: string; email: string; name: string }> = { admin: adminRecord };
  for (const person of DEMO_USERS.filter((u) => u.role !== "admin")) {
    users[person.role] = await prisma.$transaction(async (tx) => {
      const user = await createUserRecord(tx, { email: person.email, name: person.name, passwordHash }, auditActorOf(admin));
      await addMembershipRecord(tx, { userId: user.id, projectId, role: person.role }, auditActorOf(admin));
      return user;
    });
  }
  const project = await projectWithChain(projectId);

  await recordHistory(project, users, targetServerUrl);

  const source = await readMigrationsDir(RISCURA_MIGRATIONS_DIR);
  const requester = { id: users.requester.id, email: users.requester.email, name: users.requester.name };
  await createRequest(requester, {
    projectId: project.id,
    title: "Performance indexes for tenant-scoped queries",
    description: "organizationId-first composite indexes and partial indexes for active records, built CONCURRENTLY so writes continue.",
    rollbackPlan: "down.sql drops each index CONCURRENTLY.",
    type: "performance",
    folderMigrations: [source.find((m) => m.name.startsWith("005_"))!.name],
    submit: true,
  });
  await createRequest(requester, {
    projectId: project.id,
    title: "Audit logging for tenant activity",
    description: "AuditLog table with row level security per organization.",
    rollbackPlan: "down.sql drops the AuditLog table and its policy.",
    type: "schema",
    folderMigrations: [source.find((m) => m.name.startsWith("006_"))!.name],
    submit: false,
  });
}

const DEMO_POLICY_AUTHOR = { id: null, email: "sluice-seed" };
const DEMO_SEED_ACTOR = DEMO_POLICY_AUTHOR;

/** SLUICE_DEMO_WEEKEND_FREEZE=0: prod's standard policy without its freeze, changed as an admin would change it. */
async function liftWeekendFreeze(admin: CurrentUser, projectId: string) {
  const chain = await db().environment.findMany({ where: { projectId, removedAt: null }, orderBy: { position: "asc" }, select: { id: true, name: true, position: true, timeZone: true } });
  for (const environment of chain.filter((e) => e.name === "prod")) {
    await updatePolicy(admin, { environmentId: environment.id, policy: standardPolicyFor(environment, chain, { weekendFreeze: false }) });
  }
}

/**
 * The demo's prod has the standard weekend freeze (Friday 16:00 → Monday 08:00, prod's time
 * zone). SLUICE_DEMO_WEEKEND_FREEZE=0 seeds it without, so a suite that deploys to prod (e2e)
 * does not depend on the day it runs; specs that test freezes set their own window.
 */
function demoPolicyOptions() {
  return { weekendFreeze: env().SLUICE_DEMO_WEEKEND_FREEZE === "1" };
}

type HistoryRow = { migration_name: string; checksum: string; started_at: Date; finished_at: Date };

async function appliedRows(url: string): Promise<HistoryRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<HistoryRow>(
      `SELECT migration_name, checksum, started_at, finished_at FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * The demo's past: one reviewed request per migration 001–004, deployed to each
 * environment. Deployment times are the ones the targets' _prisma_migrations
 * recorded when the seed applied them, so history and targets agree.
 */
async function recordHistory(
  project: { id: string; tenantKey: string; migrationsPath: string; environments: { id: string; name: string; databaseUrlEncrypted: string; sslRootCertEncrypted: string | null }[] },
  users: Record<string, { id: string; email: string }>,
  targetServerUrl: string,
) {
  const prisma = db();
  const source = await readMigrationsDir(RISCURA_MIGRATIONS_DIR);
  const rowsByEnv = new Map<string, HistoryRow[]>();
  for (const env of project.environments) {
    const target = RISCURA_TARGETS.find((t) => t.environment === env.name)!;
    rowsByEnv.set(env.id, await appliedRows(databaseUrl(targetServerUrl, target.database)));
  }
  const actor = (role: string) => ({ id: users[role].id, email: users[role].email });

  for (const item of HISTORY) {
    const migration = source.find((m) => m.name === item.migration);
    if (!migration) continue;
    // The risk and lint hash a reviewer would have seen, from the same lint the app runs on new requests.
    const review = await lintForReview(project, [migration], source);
    await prisma.$transaction(async (tx) => {
      const request = await tx.migrationRequest.create({
        data: {
          projectId: project.id,
          title: item.title,
          type: item.type,
          status: "deployed",
          riskLevel: review.riskLevel,
          lintHash: review.hash,
          requesterId: users.requester.id,
          submittedAt: new Date(),
          rollbackPlan: "down.sql reverses the migration.",
          migrations: { create: [{ position: 0, name: migration.name, sql: migration.sql, downSql: migration.downSql, verifySql: migration.verifySql, checksum: migration.checksum, source: "folder" }] },
        },
      });
      await recordAudit(tx, { actor: actor("requester"), action: "request.created", subjectType: "request", subjectId: request.id, projectId: project.id, after: { title: item.title, migrations: [migration.name] } });
      await tx.approval.create({ data: { requestId: request.id, approverId: users.approver.id, decision: "approved", comment: "Reviewed: additive change, down.sql checked.", checksums: migration.checksum, lintHash: review.hash } });
      await recordAudit(tx, { actor: actor("approver"), action: "request.approved", subjectType: "request", subjectId: request.id, projectId: project.id, after: { status: "approved" } });
      for (const env of project.environments) {
        const row = rowsByEnv.get(env.id)!.find((r) => r.migration_name === migration.name);
        if (!row) continue;
        const deployment = await tx.deployment.create({
          data: {
            requestId: request.id,
            environmentId: env.id,
            startedById: env.name === "dev" ? users.requester.id : users.deployer.id,
            status: "succeeded",
            createdAt: row.started_at,
            startedAt: row.started_at,
            finishedAt: row.finished_at,
            appliedMigrations: [migration.name],
            log: `${row.started_at.toISOString()} Applying ${migration.name}\n${row.finished_at.toISOString()} Applied ${migration.name} (checksum ${row.checksum.slice(0, 12)}…)`,
          },
        });
        await recordAudit(tx, { actor: actor(env.name === "dev" ? "requester" : "deployer"), action: "deployment.succeeded", subjectType: "deployment", subjectId: deployment.id, projectId: project.id, after: { environment: env.name, applied: [migration.name] } });
      }
    });
  }
}
