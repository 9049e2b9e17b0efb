import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checksumMatches, checksumOf, EngineError, parseDatabaseUrl, readMigrationsDir, readMigrationsSource, redactUrl } from "../index";

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "sluice-src-"));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    if (!file.endsWith("/")) await writeFile(path.join(dir, file), content);
  }
  return dir;
}

describe("checksums", () => {
  it("is Prisma's sha256 of the bytes, lowercase hex", () => {
    expect(checksumOf("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    expect(checksumOf(Buffer.from("hello"))).toBe(checksumOf("hello"));
  });

  it("matches across CRLF/LF and old unpadded checksums, and nothing else", () => {
    expect(checksumMatches("ab\r\ncd\r\n", checksumOf("ab\ncd\n"))).toBe(true);
    expect(checksumMatches("ab\ncd\n", checksumOf("ab\r\ncd\r\n"))).toBe(true);
    const digest = Buffer.from(checksumOf("abc"), "hex");
    expect(checksumMatches("abc", Array.from(digest, (b) => b.toString(16)).join(""))).toBe(true);
    expect(checksumMatches("abc", checksumOf("abcd"))).toBe(false);
    expect(checksumMatches("abc\n", checksumOf("abc"))).toBe(false);
  });
});

describe("readMigrationsDir", () => {
  it("orders by name with localeCompare, skips folders without migration.sql and reads companions", async () => {
    const dir = await tree({
      "migration_lock.toml": 'provider = "postgresql"\n',
      "20240102000000_b/migration.sql": "SELECT 2;",
      "20240101000000_a/migration.sql": "SELECT 1;",
      "20240101000000_a/down.sql": "SELECT -1;",
      "20240101000000_a/verify.sql": "SELECT 1 WHERE false;",
      "20240101_short/migration.sql": "SELECT 0;",
      "notes/README.md": "not a migration",
      "with space/migration.sql": "SELECT 3;",
    });
    const source = await readMigrationsSource(dir);
    expect(source.migrations.map((m) => m.name)).toEqual(["20240101_short", "20240101000000_a", "20240102000000_b", "with space"]);
    expect(source.skipped).toEqual(["notes"]);
    expect(source.lockProvider).toBe("postgresql");
    const a = source.migrations[1];
    expect(a).toEqual({ name: "20240101000000_a", sql: "SELECT 1;", checksum: checksumOf("SELECT 1;"), downSql: "SELECT -1;", verifySql: "SELECT 1 WHERE false;" });
    expect(source.migrations[0].downSql).toBeNull();
  });

  it("refuses a migrations directory locked to another provider", async () => {
    const dir = await tree({ "migration_lock.toml": 'provider = "mysql"\n', "001/migration.sql": "SELECT 1;" });
    const error = await readMigrationsDir(dir).catch((e: unknown) => e);
    expect((error as EngineError).code).toBe("BAD_INPUT");
    expect((error as EngineError).message).toContain("mysql");
  });

  it("refuses a missing directory as bad input", async () => {
    const error = await readMigrationsDir("/nonexistent/sluice").catch((e: unknown) => e);
    expect((error as EngineError).code).toBe("BAD_INPUT");
  });
});

describe("database URLs", () => {
  it("redacts passwords", () => {
    expect(redactUrl("postgresql://app:hunter2@db.example.com:5432/prod?schema=x")).toBe("postgresql://app:*****@db.example.com:5432/prod?schema=x");
    expect(redactUrl("not a url://app:hunter2@x")).not.toContain("hunter2");
  });

  it("keeps what pg understands and sets aside Prisma's pool parameters", () => {
    const target = parseDatabaseUrl("postgresql://app:p%40ss@db:6543/prod?schema=tenant&connection_limit=5&pool_timeout=2&pgbouncer=true&sslmode=require&connect_timeout=3");
    expect(target.schema).toBe("tenant");
    expect(target.config).toMatchObject({ host: "db", port: 6543, user: "app", password: "p@ss", database: "prod", connectionTimeoutMillis: 3000, ssl: { rejectUnauthorized: false } });
    expect(target.ignoredParams).toEqual(["connection_limit", "pool_timeout", "pgbouncer"]);
  });
});
