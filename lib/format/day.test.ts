import { describe, expect, it } from "vitest";
import { isRealDay } from "./day";

describe("isRealDay", () => {
  it("takes days that exist and refuses the rest", () => {
    expect(isRealDay("2026-12-24")).toBe(true);
    expect(isRealDay("2028-02-29")).toBe(true);
    expect(isRealDay("2026-02-29")).toBe(false);
    expect(isRealDay("2026-02-30")).toBe(false);
    expect(isRealDay("2026-13-01")).toBe(false);
    expect(isRealDay("2026-1-1")).toBe(false);
    expect(isRealDay("2026-12-24T00:00")).toBe(false);
    expect(isRealDay("")).toBe(false);
  });
});
