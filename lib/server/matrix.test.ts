import { describe, expect, it } from "vitest";
import type { HistoryRow, MigrationStateEntry } from "@/lib/engine";
import { buildMatrixRows, type ColumnInput } from "./matrix";

const at = (iso: string) => new Date(iso);

function row(name: string, over: Partial<HistoryRow> = {}): HistoryRow {
  return {
    id: `${name}-id`,
    checksum: "c".repeat(64),
    finished_at: at("2026-01-02T10:00:00Z"),
    migration_name: name,
    logs: null,
    rolled_back_at: null,
    started_at: at("2026-01-02T09:59:00Z"),
    applied_steps_count: 1,
    ...over,
  };
}

function entry(name: string, state: MigrationStateEntry["state"], history: HistoryRow[] = [], inSource = true): MigrationStateEntry {
  return { name, state, inSource, checksum: inSource ? "c".repeat(64) : null, row: history.at(-1) ?? null, rows: history };
}

const source = ["001_init", "002_users", "003_index"];

describe("buildMatrixRows", () => {
  it("gives one row per source migration, one cell per environment, in column order", () => {
    const columns: ColumnInput[] = [
      { environmentId: "dev", name: "dev", ok: true, historyTableExists: true, deployInProgress: false, entries: [entry("001_init", "applied", [row("001_init")]), entry("002_users", "applied", [row("002_users")]), entry("003_index", "pending")] },
      { environmentId: "prod", name: "prod", ok: true, historyTableExists: true, deployInProgress: false, entries: [entry("001_init", "applied", [row("001_init")]), entry("002_users", "pending"), entry("003_index", "pending")] },
    ];
    const rows = buildMatrixRows(source, columns);
    expect(rows.map((r) => r.name)).toEqual(source);
    expect(rows.map((r) => r.cells.map((c) => c?.state))).toEqual([
      ["applied", "applied"],
      ["applied", "pending"],
      ["pending", "pending"],
    ]);
    expect(rows[0].cells[0]?.finishedAt).toEqual(at("2026-01-02T10:00:00Z"));
    expect(rows.every((r) => r.inSource)).toBe(true);
  });

  it("adds migrations known only to a target as drift rows, in name order, empty on other targets", () => {
    const columns: ColumnInput[] = [
      { environmentId: "dev", name: "dev", ok: true, historyTableExists: true, deployInProgress: false, entries: [entry("001_init", "applied", [row("001_init")]), entry("002_users", "pending"), entry("003_index", "pending")] },
      {
        environmentId: "prod",
        name: "prod",
        ok: true,
        historyTableExists: true,
        deployInProgress: false,
        entries: [entry("001_init", "applied", [row("001_init")]), entry("002_users", "pending"), entry("003_index", "pending"), entry("001_hotfix", "unknown", [row("001_hotfix")], false)],
      },
    ];
    const rows = buildMatrixRows(source, columns);
    expect(rows.map((r) => r.name)).toEqual(["001_hotfix", "001_init", "002_users", "003_index"]);
    const hotfix = rows[0];
    expect(hotfix.inSource).toBe(false);
    expect(hotfix.cells[0]).toBeNull();
    expect(hotfix.cells[1]?.state).toBe("unknown");
  });

  it("keeps the failure log excerpt and the attempt count", () => {
    const failed = row("002_users", { finished_at: null, logs: `Database error code: 42P07\n${"x".repeat(2000)}` });
    const rolledBack = row("002_users", { rolled_back_at: at("2026-01-01T00:00:00Z") });
    const columns: ColumnInput[] = [
      { environmentId: "dev", name: "dev", ok: true, historyTableExists: true, deployInProgress: false, entries: [entry("001_init", "applied", [row("001_init")]), entry("002_users", "failed", [rolledBack, failed]), entry("003_index", "pending")] },
    ];
    const cell = buildMatrixRows(source, columns)[1].cells[0]!;
    expect(cell.state).toBe("failed");
    expect(cell.attempts).toBe(2);
    expect(cell.logsExcerpt).toMatch(/^Database error code: 42P07/);
    expect(cell.logsExcerpt!.length).toBeLessThan(700);
  });

  it("leaves an unreachable target's cells empty without losing the other columns", () => {
    const columns: ColumnInput[] = [
      { environmentId: "dev", name: "dev", ok: true, historyTableExists: true, deployInProgress: false, entries: source.map((n) => entry(n, "applied", [row(n)])) },
      { environmentId: "prod", name: "prod", ok: false, error: "Cannot connect" },
    ];
    const rows = buildMatrixRows(source, columns);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.cells[0]?.state)).toEqual(["applied", "applied", "applied"]);
    expect(rows.map((r) => r.cells[1])).toEqual([null, null, null]);
  });

  it("lists source migrations even when every target is unreachable or has no history table", () => {
    const rows = buildMatrixRows(source, [{ environmentId: "prod", name: "prod", ok: false, error: "down" }]);
    expect(rows.map((r) => r.name)).toEqual(source);
  });
});
