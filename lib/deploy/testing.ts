import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { checksumOf } from "@/lib/engine";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/databases";

/**
 * A control plane for deploy tests: a migrated database in a fresh test database, the process
 * environment pointing at it (db() and env() read it on first use), one project with
 * dev/staging/prod targets in their own databases, and a user per role.
 */
export async function createDeployFixture() {
  const controlPlane = await createTestDatabase("cp");
  const targets: TestDatabase[] = [];
  const encryptionKey = randomBytes(32).toString("base64");
  Object.assign(process.env, {
    DATABASE_URL: controlPlane.url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    SLUICE_ENCRYPTION_KEY: encryptionKey,
    SLUICE_DEMO: "0",
  });
  const { migrateControlPlane } = await import("@/lib/server/control-plane-migrations");
  const report = await migrateControlPlane(controlPlane.url);
  if (!report.ok) throw new Error("control plane migrations failed");
  const { db } = await import("@/lib/db");
  const { encryptSecret } = await import("@/lib/server/secrets");

  const users = Object.fromEntries(
    await Promise.all(
      (["requester", "approver", "deployer", "admin", "manager"] as const).map(async (role) => [
        role,
        await db().user.create({ data: { email: `${role}@example.test`, name: role, passwordHash: "x" } }),
      ]),
    ),
  ) as Record<"requester" | "approver" | "deployer" | "admin" | "manager", { id: string; email: string; name: string }>;

  const project = await db().project.create({ data: { slug: `p${randomBytes(3).toString("hex")}`, name: "Fixture", migrationsPath: mkdtempSync(path.join(tmpdir(), "sluice-migrations-")) } });
  for (const [role, user] of Object.entries(users)) {
    await db().membership.create({ data: { userId: user.id, projectId: project.id, role: role as keyof typeof users } });
  }
  const environments: Record<string, { id: string; name: string; url: string }> = {};
  for (const [position, name] of ["dev", "staging", "prod"].entries()) {
    const target = await createTestDatabase(`tgt_${name}`);
    targets.push(target);
    const e = await db().environment.create({ data: { projectId: project.id, name, position, databaseUrlEncrypted: encryptSecret(target.url) } });
    // Deny by default: each target gets the standard policy (prod only after staging), without freeze windows so tests do not depend on the clock.
    await db().environmentPolicy.create({
      data: {
        environmentId: e.id,
        requiredApprovals: 1,
        approverRoles: ["approver"],
        deployRoles: position === 0 ? ["requester", "deployer", "admin"] : ["deployer", "admin"],
        requirePreviousEnvironment: name === "prod",
      },
    });
    environments[name] = { id: e.id, name, url: target.url };
  }

  /** An approved request holding these migrations (the approver's approval bound to their checksums). */
  async function approvedRequest(migrations: { name: string; sql: string; downSql?: string | null }[]) {
    const request = await db().migrationRequest.create({
      data: {
        projectId: project.id,
        title: "fixture request",
        requesterId: users.requester.id,
        status: "approved",
        migrations: {
          create: migrations.map((m, position) => ({ position, name: m.name, sql: m.sql, downSql: m.downSql ?? null, checksum: checksumOf(m.sql), source: "pasted" })),
        },
      },
    });
    await db().approval.create({ data: { requestId: request.id, approverId: users.approver.id, decision: "approved", checksums: migrations.map((m) => checksumOf(m.sql)).join(",") } });
    return request;
  }

  return {
    controlPlane,
    users,
    project,
    environments,
    approvedRequest,
    async drop() {
      const { closeProducer } = await import("@/lib/jobs/queue");
      await closeProducer().catch(() => undefined);
      await db().$disconnect();
      for (const t of targets) await t.drop();
      await controlPlane.drop();
    },
  };
}

export type DeployFixture = Awaited<ReturnType<typeof createDeployFixture>>;
