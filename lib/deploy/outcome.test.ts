import { describe, expect, it } from "vitest";
import { deploymentOutcome, type RunFacts } from "./outcome";

const base: RunFacts = { completed: false, stopRequested: false, requested: ["a", "b", "c"], alreadyApplied: [], applied: [], rolledBack: [], failed: null };

describe("deploymentOutcome", () => {
  it("succeeds when the engine applied everything", () => {
    expect(deploymentOutcome({ ...base, completed: true, applied: ["a", "b", "c"] })).toMatchObject({ status: "succeeded", notRun: [], summary: "Applied a, b, c." });
  });
  it("is cancelled when stopped before anything applied, and lists what did not run", () => {
    const o = deploymentOutcome({ ...base, stopRequested: true, failed: { migration: "a", recordedAs: "pending" } });
    expect(o.status).toBe("cancelled");
    expect(o.notRun).toEqual(["a", "b", "c"]);
    expect(o.summary).toMatch(/Nothing from this request was applied/);
  });
  it("is rolled back when everything this run applied was undone", () => {
    const o = deploymentOutcome({ ...base, stopRequested: true, applied: ["a"], rolledBack: ["a"], failed: { migration: "b", recordedAs: "pending" } });
    expect(o).toMatchObject({ status: "rolled_back", notRun: ["b", "c"], stillApplied: [] });
  });
  it("fails when something stays applied or a failed row blocks the next deploy", () => {
    expect(deploymentOutcome({ ...base, applied: ["a"], failed: { migration: "b", recordedAs: "pending" } })).toMatchObject({ status: "failed", stillApplied: ["a"] });
    const blocked = deploymentOutcome({ ...base, failed: { migration: "a", recordedAs: "failed" } });
    expect(blocked.status).toBe("failed");
    expect(blocked.notRun).toEqual(["b", "c"]);
    expect(blocked.summary).toMatch(/a is recorded as failed in _prisma_migrations/);
  });
});
