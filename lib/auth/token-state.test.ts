import { describe, expect, it } from "vitest";
import { expiresAtOf, tokenState } from "./token-state";

const now = new Date("2026-12-02T10:00:00.000Z");

describe("tokenState", () => {
  it("is active without expiry or before it, expired from the instant it passes", () => {
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(tokenState({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("active");
    expect(tokenState({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
  });

  it("says revoked even when the token has expired since", () => {
    expect(tokenState({ revokedAt: new Date("2026-11-01"), expiresAt: new Date("2026-11-02") }, now)).toBe("revoked");
  });
});

describe("expiresAtOf", () => {
  it("counts days from now, or never", () => {
    expect(expiresAtOf("30", undefined, now)?.toISOString()).toBe("2027-01-01T10:00:00.000Z");
    expect(expiresAtOf("365", undefined, now)?.toISOString()).toBe("2027-12-02T10:00:00.000Z");
    expect(expiresAtOf("never", undefined, now)).toBeNull();
  });

  it("takes a chosen day as the end of that day in UTC", () => {
    expect(expiresAtOf("date", "2027-01-31", now)?.toISOString()).toBe("2027-01-31T23:59:59.999Z");
  });

  it("refuses a date that is not a day", () => {
    expect(() => expiresAtOf("date", undefined, now)).toThrow(RangeError);
    expect(() => expiresAtOf("date", "2027-02-31x", now)).toThrow(RangeError);
    expect(() => expiresAtOf("date", "2027-13-45", now)).toThrow(RangeError);
    expect(() => expiresAtOf("date", "2027-02-30", now)).toThrow(RangeError);
  });
});
