import { describe, expect, it } from "vitest";
import { lintHashOf, type HashedFinding } from "./lint-hash";

const finding = (over: Partial<HashedFinding> = {}): HashedFinding => ({ ruleId: "require-concurrent-index", line: 3, severity: "high", ...over });
const report = (findings: HashedFinding[], name = "005_x") => ({ name, report: { findings } });

describe("lint hash", () => {
  it("is stable across finding order and wording", () => {
    const a = lintHashOf([report([finding(), finding({ ruleId: "missing-down", line: 1, severity: "medium" })])]);
    const b = lintHashOf([report([{ ...finding({ ruleId: "missing-down", line: 1, severity: "medium" }), message: "other words" } as HashedFinding, finding()])]);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
  it("changes with a new finding, another line, a higher severity or another migration", () => {
    const base = lintHashOf([report([finding()])]);
    expect(lintHashOf([report([finding(), finding({ ruleId: "missing-down" })])])).not.toBe(base);
    expect(lintHashOf([report([finding({ line: 4 })])])).not.toBe(base);
    expect(lintHashOf([report([finding({ severity: "medium" })])])).not.toBe(base);
    expect(lintHashOf([report([finding()], "006_y")])).not.toBe(base);
  });
  it("ignores silenced findings", () => {
    expect(lintHashOf([report([finding(), finding({ ruleId: "x", ignored: { reason: "ok" } })])])).toBe(lintHashOf([report([finding()])]));
  });
});
