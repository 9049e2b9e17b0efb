import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintFiles } from "./index";

function migrations(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sluice-lint-files-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("lintFiles with a statistics loader (sluice lint --url)", () => {
  it("asks only for the names the linted migrations mention, and sizes findings with the answer", async () => {
    const dir = migrations({
      "001_init": 'CREATE TABLE "Unrelated" ("id" TEXT);',
      "002_index": 'CREATE INDEX "Order_customerId_idx" ON "Order" ("customerId");',
    });
    const asked: string[][] = [];
    const { files } = await lintFiles([path.join(dir, "002_index")], {
      targetStats: async (names) => {
        asked.push(names);
        return { Order: { reltuples: 50_000_000 } };
      },
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain("Order");
    expect(asked[0]).not.toContain("Unrelated");
    const finding = files[0].report.findings.find((f) => f.ruleId === "require-concurrent-index");
    expect(finding).toMatchObject({ severity: "critical", estimatedRows: 50_000_000 });
  });

  it("asks with an empty list when the migrations mention no table (loadTargetStats then reads none)", async () => {
    const asked: string[][] = [];
    const dir = migrations({ "001_select": "SELECT 1;" });
    await lintFiles([dir], { targetStats: async (names) => (asked.push(names), {}) });
    expect(asked).toEqual([[]]);
  });
});

describe("lintFiles on a migrations directory", () => {
  it("skips folders without a migration.sql, and still replays the migrations before a requested one", async () => {
    const dir = migrations({
      "001_init": 'CREATE TABLE "Order" ("id" BIGINT PRIMARY KEY, "customerId" BIGINT);',
      "002_index": 'CREATE INDEX "Order_customerId_idx" ON "Order" ("customerId");',
    });
    mkdirSync(path.join(dir, "001a_notes"));
    writeFileSync(path.join(dir, "001a_notes", "README.md"), "not a migration");
    const all = await lintFiles([dir]);
    expect(all.files.map((f) => path.basename(path.dirname(f.file)))).toEqual(["001_init", "002_index"]);
    const one = await lintFiles([path.join(dir, "002_index")]);
    // "Order" is known from 001 (replayed), so the index is on an existing table.
    expect(one.files[0].report.findings.map((f) => f.ruleId)).toContain("require-concurrent-index");
  });
});

describe("lintFiles on real-world folder shapes", () => {
  it("treats a directory named like a .sql file as a migration when it holds migration.sql", async () => {
    const dir = migrations({
      "20250101000000_init": 'CREATE TABLE "Event" ("id" BIGINT PRIMARY KEY, "kind" TEXT);',
      "20250517173700_add_event_log_migration_background_migration.sql": 'CREATE INDEX "Event_kind_idx" ON "Event" ("kind");',
    });
    const all = await lintFiles([dir]);
    expect(all.files.map((f) => path.basename(path.dirname(f.file)))).toEqual(["20250101000000_init", "20250517173700_add_event_log_migration_background_migration.sql"]);
    expect(all.files[1].report.findings.map((f) => f.ruleId)).toContain("require-concurrent-index");
    const direct = await lintFiles([path.join(dir, "20250517173700_add_event_log_migration_background_migration.sql")]);
    expect(direct.files[0].report.findings.map((f) => f.ruleId)).toContain("require-concurrent-index");
  });

  it("replays the history in the engine's order (localeCompare), not byte order", async () => {
    // Byte order puts "20240101_Init" before "20240101_add_x"; Prisma's localeCompare puts it after.
    const dir = migrations({
      "20240101_add_x": 'CREATE TABLE "X" ("id" BIGINT PRIMARY KEY, "n" INT);',
      "20240101_Init": 'CREATE INDEX "X_n_idx" ON "X" ("n");',
    });
    const { files } = await lintFiles([dir]);
    expect(files.map((f) => path.basename(path.dirname(f.file)))).toEqual(["20240101_add_x", "20240101_Init"]);
    // The index is on a table an earlier migration created: the same history the engine applies.
    expect(files[1].report.findings.map((f) => f.ruleId)).toContain("require-concurrent-index");
  });

  it("reports an unreadable migration with its path and still lints the rest", async () => {
    const dir = migrations({
      "001_init": 'CREATE TABLE "T" ("id" BIGINT PRIMARY KEY, "n" INT);',
      "003_index": 'CREATE INDEX "T_n_idx" ON "T" ("n");',
    });
    // Unreadable even as root: a migration.sql that is a directory.
    mkdirSync(path.join(dir, "002_broken", "migration.sql"), { recursive: true });
    const { files } = await lintFiles([dir]);
    expect(files[1].report.readError).toMatch(/002_broken.*EISDIR/);
    expect(files[2].report.findings.map((f) => f.ruleId)).toContain("require-concurrent-index");
  });
});
