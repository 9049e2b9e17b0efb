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
