import { describe, expect, it } from "vitest";
import { lintMigration, type LintMigrationInput } from "./index";

/** SQL alone, or SQL with the surroundings a rule depends on (history, down.sql, target stats, config). */
export type Fixture = string | Omit<LintMigrationInput, "name">;

function asInput(fixture: Fixture): LintMigrationInput {
  return typeof fixture === "string" ? { name: "fixture.sql", sql: fixture, downSql: "" } : { downSql: "", ...fixture, name: "fixture.sql" };
}

export async function findingsOf(ruleId: string, fixture: Fixture) {
  const report = await lintMigration(asInput(fixture));
  expect(report.parseError).toBeUndefined();
  return report.findings.filter((f) => f.ruleId === ruleId);
}

/** Declares a rule's failing fixtures (must be flagged) and passing ones (false positives are bugs). */
export function describeRule(ruleId: string, fixtures: { flags: Fixture[]; passes: Fixture[] }): void {
  describe(ruleId, () => {
    it.each(fixtures.flags.map((f, i) => [i, f] as const))("flags failing fixture %i", async (_i, fixture) => {
      expect((await findingsOf(ruleId, fixture)).length).toBeGreaterThan(0);
    });
    it.each(fixtures.passes.map((f, i) => [i, f] as const))("passes passing fixture %i", async (_i, fixture) => {
      expect(await findingsOf(ruleId, fixture)).toEqual([]);
    });
  });
}
