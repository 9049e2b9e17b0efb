import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeployFixture, type DeployFixture } from "@/lib/deploy/testing";
import { checksumOf, deployMigrations, migrationStatus, parseDatabaseUrl } from "@/lib/engine";
import { loadTargetStats } from "@/lib/lint";
import { sampleEnvironmentHealth } from "@/lib/health/sample";
import { startTlsPostgres, type TlsPostgres } from "@/lib/testing/tls-postgres";

// sslmode as libpq reads it, against a private PostgreSQL with TLS on (the machine's shared
// servers run without it): every path Sluice connects to a target by, and psql (libpq) as the referee.
let tls: TlsPostgres;
let fx: DeployFixture;
let dir: string;
let caFile: string;
let otherCaFile: string;
let lib: typeof import("./index") & { db: typeof import("@/lib/db").db; environmentUrl: typeof import("@/lib/server/projects").environmentUrl };

const DATABASE = "tls_target";

function targetUrl(host: "127.0.0.1" | "localhost", query: string): string {
  const url = new URL(`${tls.serverUrl}/${DATABASE}`);
  url.hostname = host;
  return `${url.toString()}${query}`;
}

async function engineConnects(url: string): Promise<{ ok: boolean; encrypted?: boolean; error?: string }> {
  const client = new pg.Client(parseDatabaseUrl(url).config);
  client.on("error", () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ ssl: boolean }>("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
    return { ok: true, encrypted: rows[0].ssl };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function libpqConnects(url: string): boolean {
  try {
    execFileSync("psql", [url, "-Atc", "SELECT 1"], { stdio: "pipe", env: { ...process.env, PGCONNECT_TIMEOUT: "5", PGSSLROOTCERT: "/nonexistent" } });
    return true;
  } catch {
    return false;
  }
}
const hasPsql = (() => {
  try {
    execFileSync("psql", ["--version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sluice-tls-"));
  process.env.SLUICE_DATA_DIR = path.join(dir, "data");
  tls = await startTlsPostgres();
  const admin = new pg.Client({ connectionString: `${tls.serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  caFile = path.join(dir, "ca.pem");
  otherCaFile = path.join(dir, "other-ca.pem");
  writeFileSync(caFile, tls.caPem);
  writeFileSync(otherCaFile, tls.otherCaPem);
  fx = await createDeployFixture();
  lib = { ...(await import("./index")), db: (await import("@/lib/db")).db, environmentUrl: (await import("@/lib/server/projects")).environmentUrl };
}, 180_000);
afterAll(async () => {
  await fx?.drop();
  await tls?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("sslmode, as libpq reads it", () => {
  // {ca} and {other} stand for files holding the server's CA and an unrelated one.
  const cases: [host: "127.0.0.1" | "localhost", query: string, connects: boolean, why: string][] = [
    ["127.0.0.1", "?sslmode=require", true, "require encrypts without verifying"],
    ["127.0.0.1", "?sslmode=verify-ca&sslrootcert={ca}", true, "verify-ca checks the chain, not the host name"],
    ["127.0.0.1", "?sslmode=verify-full&sslrootcert={ca}", false, "the certificate names localhost, not 127.0.0.1"],
    ["localhost", "?sslmode=verify-full&sslrootcert={ca}", true, "chain and host name both match"],
    ["localhost", "?sslmode=verify-full&sslrootcert={other}", false, "another CA signed the server's certificate"],
    ["localhost", "?sslmode=verify-ca&sslrootcert={other}", false, "another CA signed the server's certificate"],
    ["127.0.0.1", "?sslmode=require&sslrootcert={other}", false, "require with a CA verifies the chain, like verify-ca"],
  ];

  it.each(cases)("%s %s: connects %s (%s), as psql does", async (host, query, connects) => {
    const url = targetUrl(host, query.replace("{ca}", caFile).replace("{other}", otherCaFile));
    const engine = await engineConnects(url);
    expect(engine.ok, engine.error).toBe(connects);
    if (connects) expect(engine.encrypted).toBe(true);
    if (hasPsql) expect(libpqConnects(url)).toBe(connects);
  });

  it("connects without TLS when no sslmode is given, and explains a wrong CA in plain words", async () => {
    expect(await engineConnects(targetUrl("127.0.0.1", ""))).toEqual({ ok: true, encrypted: false });
    const wrong = await engineConnects(targetUrl("localhost", `?sslmode=verify-full&sslrootcert=${otherCaFile}`));
    expect(wrong.error).toMatch(/unable to verify the first certificate/);
  });
});

describe("an environment with sslmode=verify-full and a pasted CA", () => {
  const migrations = ["20260101000000_accounts", "20260102000000_orders"].map((name) => {
    const sql = `CREATE TABLE "${name}" (id int PRIMARY KEY);`;
    return { name, sql, checksum: checksumOf(sql), downSql: null, verifySql: null };
  });

  it("is verified on every path Sluice connects by: test, deploy, status, lint statistics, health", async () => {
    const created = await lib.createEnvironment(fx.users.admin, fx.project.id, { name: "secure", url: targetUrl("localhost", "?sslmode=verify-full&schema=app"), caCert: tls.caPem });
    expect(created).toMatchObject({ sslmode: "verify-full", hasCaCert: true, schema: "app" });

    const report = await lib.testConnection(fx.users.admin, { environmentId: created.id });
    expect(report).toMatchObject({ encrypted: true, schema: "app", schemaExists: false, canCreate: true });
    expect(report.warnings.join("\n")).not.toMatch(/not encrypted|does not verify/);

    const environment = await lib.db().environment.findUniqueOrThrow({ where: { id: created.id } });
    const url = lib.environmentUrl(environment);
    const caPath = new URL(url).searchParams.get("sslrootcert")!;
    expect(caPath.startsWith(path.join(dir, "data", "certs", `${created.id}-`))).toBe(true);
    expect(statSync(caPath).mode & 0o777).toBe(0o600);

    expect((await deployMigrations({ url, migrations })).ok).toBe(true);
    expect((await migrationStatus({ url, migrations })).migrations.every((m) => m.state === "applied")).toBe(true);
    expect(Object.keys(await loadTargetStats(url))).toEqual(expect.arrayContaining(migrations.map((m) => m.name)));
    const sample = await sampleEnvironmentHealth(url, { migrations });
    expect(sample.error ?? null).toBeNull();
    expect(sample.reachable).toBe(true);

    expect((await lib.testConnection(fx.users.admin, { environmentId: created.id })).historyTable).toEqual({ exists: true, rows: 2, failed: 0 });
  });

  it("fails the test with the reason and what to do: wrong CA, host name not in the certificate", async () => {
    const wrongCa = await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: targetUrl("localhost", "?sslmode=verify-full"), caCert: tls.otherCaPem }).catch((e: unknown) => e);
    expect(wrongCa).toMatchObject({ code: "TARGET_FAILED" });
    expect((wrongCa as Error).message).toMatch(/unable to verify the first certificate\. The server's certificate is not signed by the CA certificate given/);
    expect((wrongCa as Error).message).not.toContain("sluice-embedded");
    expect((wrongCa as Error).message).not.toContain("sslrootcert");

    const wrongHost = await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: targetUrl("127.0.0.1", "?sslmode=verify-full"), caCert: tls.caPem }).catch((e: unknown) => e);
    expect((wrongHost as Error).message).toMatch(/does not name this host: connect with a host name the certificate holds, or use sslmode=verify-ca/);

    const caOnly = await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: targetUrl("127.0.0.1", "?sslmode=verify-ca"), caCert: tls.caPem });
    expect(caOnly.encrypted).toBe(true);

    const unverified = await lib.testConnection(fx.users.admin, { projectId: fx.project.id, url: targetUrl("127.0.0.1", "?sslmode=require") });
    expect(unverified.encrypted).toBe(true);
    expect(unverified.warnings.join("\n")).toMatch(/sslmode=require encrypts but does not verify the server/);

    // Nothing is left behind by tests of unsaved settings.
    const certs = path.join(dir, "data", "certs");
    const leftovers = existsSync(certs) ? execFileSync("ls", [certs]).toString().split("\n").filter((n) => n.startsWith("test-")) : [];
    expect(leftovers).toEqual([]);
  });
});
