import { describe, expect, it } from "vitest";
import { LintConfigError, RULES, lintMigration, parseErrorOf, riskLevelOf } from "./index";

const alter = 'ALTER TABLE "Order" ALTER COLUMN "email" SET NOT NULL;';

describe("lintMigration", () => {
  it("locates findings by line and column, after comments, in non-ASCII SQL", async () => {
    const sql = "-- café ☕\nSET lock_timeout = '2s';\n\n  /* déjà */ " + alter;
    const [finding] = (await lintMigration({ name: "m.sql", sql, downSql: "" })).findings.filter((f) => f.ruleId === "set-not-null");
    expect(finding).toMatchObject({ file: "m.sql", line: 4, column: 14, statement: alter.slice(0, -1), lock: "ACCESS EXCLUSIVE" });
    expect(finding.message).toContain("ACCESS EXCLUSIVE");
    expect(finding.safeSql).toContain("NOT VALID");
  });

  it("returns a suppressed finding flagged as ignored, with its reason, for the next statement only", async () => {
    const sql = `-- sluice-ignore set-not-null: column backfilled in 2024_11, table is tiny\n${alter}\n${alter}`;
    const findings = (await lintMigration({ name: "m", sql, downSql: "" })).findings.filter((f) => f.ruleId === "set-not-null");
    expect(findings.map((f) => f.ignored)).toEqual([{ reason: "column backfilled in 2024_11, table is tiny" }, undefined]);
  });

  it("does not count ignored findings in the risk level", async () => {
    const sql = "SET lock_timeout = '1s';\n-- sluice-ignore drop-schema: sandbox schema\nDROP SCHEMA sandbox;";
    const report = await lintMigration({ name: "m", sql, downSql: "CREATE SCHEMA sandbox;" });
    expect(report.findings.map((f) => [f.ruleId, !!f.ignored])).toEqual([["drop-schema", true]]);
    expect(report.riskLevel).toBe("low");
  });

  it("sizes the same ALTER by the target's rows: info when empty, critical at 50 M rows", async () => {
    const severityAt = async (rows: number) => {
      const report = await lintMigration({ name: "m", sql: "SET lock_timeout = '1s';\n" + alter, downSql: "", targetStats: { Order: { reltuples: rows, liveTuples: rows } } });
      return report.findings.find((f) => f.ruleId === "set-not-null");
    };
    expect(await severityAt(0)).toMatchObject({ severity: "info", estimatedRows: 0 });
    expect((await severityAt(50_000))?.severity).toBe("high");
    expect((await severityAt(2_000_000))?.severity).toBe("high");
    const huge = await severityAt(50_000_000);
    expect(huge).toMatchObject({ severity: "critical", estimatedRows: 50_000_000, lock: "ACCESS EXCLUSIVE" });
    expect(huge!.message).toContain("50,000,000 rows");
  });

  it("applies config: rules off, severity overrides, row thresholds", async () => {
    const report = await lintMigration({
      name: "m",
      sql: alter,
      downSql: "",
      config: { rules: { "missing-lock-timeout": "off", "set-not-null": "critical" }, rowThresholds: { small: 1, large: 2, huge: 1_000 } },
    });
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([["set-not-null", "critical"]]);
    expect(report.riskLevel).toBe("critical");
  });

  it("rejects a bad config with a clear error", async () => {
    await expect(lintMigration({ name: "m", sql: alter, config: { rules: { "no-such-rule": "off" } } })).rejects.toThrow(/unknown rule id\(s\) no-such-rule/);
    await expect(lintMigration({ name: "m", sql: alter, config: { tenantKey: "" } as never })).rejects.toThrow(LintConfigError);
    await expect(lintMigration({ name: "m", sql: alter, config: { rules: { "set-not-null": "loud" } } as never })).rejects.toThrow(/rules\.set-not-null/);
  });

  it("reports unparseable SQL with a position instead of findings", async () => {
    const report = await lintMigration({ name: "m", sql: 'SELECT 1;\n  SELEC 2;' });
    expect(report.findings).toEqual([]);
    expect(report.parseError).toMatchObject({ line: 2, column: 3 });
    expect(report.parseError!.message).toContain("syntax error");
    expect(report.riskLevel).toBe("critical");
  });

  it("reads earlier migrations to know that a table is not new", async () => {
    const previousSql = ['CREATE TABLE "Invoice" ("id" TEXT PRIMARY KEY, "organizationId" TEXT NOT NULL)'];
    const report = await lintMigration({ name: "m", sql: 'CREATE INDEX "Invoice_id_idx" ON "Invoice" ("id");', previousSql, downSql: 'DROP INDEX "Invoice_id_idx";' });
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual(["missing-lock-timeout", "require-concurrent-index", "tenant-index-leading-key"]);
  });
});

describe("parseErrorOf and riskLevelOf", () => {
  it("returns undefined for valid SQL and a positioned error otherwise", async () => {
    expect(await parseErrorOf("SELECT 1; -- fine")).toBeUndefined();
    expect(await parseErrorOf("CREAT TABLE x ();")).toMatchObject({ line: 1, column: 1 });
  });

  it("is the worst unsilenced finding, at least low", () => {
    expect(riskLevelOf({ findings: [] })).toBe("low");
    const base = { ruleId: "x", file: "f", line: 1, column: 1, statementLine: 1, statement: "", message: "", safeSql: "" };
    expect(riskLevelOf({ findings: [{ ...base, severity: "medium" }, { ...base, severity: "critical", ignored: { reason: "ok" } }] })).toBe("medium");
  });
});

describe("rule metadata", () => {
  it.each(RULES.map((r) => [r.id, r] as const))("%s: its bad example is flagged and its good example is not", async (_id, rule) => {
    // The examples document one rule each; process rules need a migration's down.sql to be meaningful.
    const downSql = rule.id === "missing-down-migration" ? undefined : rule.id === "down-migration-incomplete" ? "" : "SELECT 1;";
    const stats = rule.id === "unbatched-data-change" ? { Order: { reltuples: 5e6 } } : undefined;
    const previousSql = rule.exampleSetup ? [rule.exampleSetup] : undefined;
    const ids = async (sql: string) => (await lintMigration({ name: "m", sql, downSql, previousSql, targetStats: stats })).findings.map((f) => f.ruleId);
    expect(await ids(rule.badSql)).toContain(rule.id);
    if (rule.id !== "missing-down-migration" && rule.id !== "down-migration-incomplete") expect(await ids(rule.goodSql)).not.toContain(rule.id);
  });

  it("has unique ids matching their file names and every field filled", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) expect([rule.title, rule.description, rule.badSql, rule.goodSql].every((s) => s.length > 0)).toBe(true);
  });
});

describe("finding positions", () => {
  it("points at the column or constraint concerned, not at the statement's first line", async () => {
    const sql = 'CREATE TABLE "Event" (\n  "id" BIGINT PRIMARY KEY,\n  "organizationId" TEXT NOT NULL,\n  "payload" JSON,\n  "at" TIMESTAMP(3)\n);\nALTER TABLE "Order" ADD COLUMN "a" TEXT,\n  ADD COLUMN "publicId" UUID DEFAULT gen_random_uuid();\n';
    const { findings } = await lintMigration({ name: "m.sql", sql, downSql: "SELECT 1;" });
    const at = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => [f.line, f.column, f.statementLine]);
    expect(at("prefer-jsonb")).toEqual([[4, 3, 1]]);
    expect(at("prefer-timestamptz")).toEqual([[5, 3, 1]]);
    expect(at("add-column-rewrite")).toEqual([[8, 14, 7]]);
    // Table-level findings stay on the statement.
    expect(at("tenant-table-without-rls")).toEqual([[1, 1, 1]]);
  });

  it("counts columns in characters when the SQL before is not ASCII", async () => {
    const sql = 'CREATE TABLE "Événement" (\n  "Ünïcødé" JSON\n);';
    const { findings } = await lintMigration({ name: "m.sql", sql, downSql: "SELECT 1;" });
    expect(findings.find((f) => f.ruleId === "prefer-jsonb")).toMatchObject({ line: 2, column: 3 });
  });
});
