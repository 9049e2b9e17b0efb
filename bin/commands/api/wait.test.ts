import { describe, expect, it } from "vitest";
import { CLI_EXIT } from "./exit";
import { newLogLines, parseDuration, pollUntil } from "./wait";

describe("parseDuration", () => {
  it.each([
    ["30m", 1_800_000],
    ["90s", 90_000],
    ["2h", 7_200_000],
    ["1500ms", 1_500],
    ["45", 45_000],
    ["0.5s", 500],
  ])("reads %s", (value, ms) => expect(parseDuration(value, "--timeout")).toBe(ms));

  it.each(["", "soon", "10d", "-5m", "0"])("refuses %j as a usage mistake", (value) => {
    expect(() => parseDuration(value, "--timeout")).toThrow(expect.objectContaining({ exitCode: CLI_EXIT.USAGE, message: expect.stringMatching(/^--timeout must be/) }));
  });
});

describe("newLogLines", () => {
  it("prints everything the first time, then only what was appended", () => {
    expect(newLogLines([], ["a", "b"])).toEqual(["a", "b"]);
    expect(newLogLines(["a", "b"], ["a", "b", "c"])).toEqual(["c"]);
    expect(newLogLines(["a", "b"], ["a", "b"])).toEqual([]);
  });

  it("follows a window that slid past the lines already printed", () => {
    expect(newLogLines(["a", "b", "c", "d"], ["c", "d", "e", "f"])).toEqual(["e", "f"]);
    expect(newLogLines(["a", "b"], ["x", "y"])).toEqual(["x", "y"]);
  });

  it("keeps repeated lines: the longest overlap wins", () => {
    expect(newLogLines(["x", "x"], ["x", "x", "x"])).toEqual(["x"]);
    expect(newLogLines(["a", "b", "a"], ["a", "b", "a", "c"])).toEqual(["c"]);
  });
});

describe("pollUntil", () => {
  it("returns the value once the check says done", async () => {
    let calls = 0;
    const value = await pollUntil(async () => (++calls === 3 ? { done: true, value: "ok" } : { done: false }), { timeoutMs: 5_000, intervalMs: 5, what: "x" });
    expect(value).toBe("ok");
    expect(calls).toBe(3);
  });

  it("fails with exit 3 after the timeout, having looked once more at the deadline", async () => {
    let calls = 0;
    const started = Date.now();
    await expect(pollUntil(async () => (calls++, { done: false }), { timeoutMs: 120, intervalMs: 50, what: "request #7 to be approved in prod" })).rejects.toMatchObject({
      exitCode: CLI_EXIT.TIMEOUT,
      message: "Timed out after 120 ms waiting for request #7 to be approved in prod.",
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(120);
    expect(calls).toBeGreaterThanOrEqual(3);
  });
});
