import { describe, expect, it } from "vitest";
import { activeFreeze, daysSpanning, isFrozen, localClock, type FreezeWindow } from "./freeze";

const weekend: FreezeWindow = { days: [5, 6, 0, 1], from: "16:00", to: "08:00", timeZone: "Europe/Paris", message: "Weekend freeze" };

describe("freeze windows", () => {
  it("reads the clock in the environment's time zone", () => {
    // 2026-11-27 is a Friday. 23:30 UTC is already Saturday 00:30 in Paris and still Friday 18:30 in New York.
    expect(localClock(new Date("2026-11-27T23:30:00Z"), "Europe/Paris")).toEqual({ day: 6, minute: 30 });
    expect(localClock(new Date("2026-11-27T23:30:00Z"), "America/New_York")).toEqual({ day: 5, minute: 18 * 60 + 30 });
  });
  it("spans Friday 16:00 to Monday 08:00 local time", () => {
    expect(isFrozen(weekend, new Date("2026-11-27T14:59:00Z"))).toBe(false); // Fri 15:59 Paris
    expect(isFrozen(weekend, new Date("2026-11-27T15:00:00Z"))).toBe(true); // Fri 16:00 Paris
    expect(isFrozen(weekend, new Date("2026-11-29T12:00:00Z"))).toBe(true); // Sunday
    expect(isFrozen(weekend, new Date("2026-11-30T06:59:00Z"))).toBe(true); // Mon 07:59 Paris
    expect(isFrozen(weekend, new Date("2026-11-30T07:00:00Z"))).toBe(false); // Mon 08:00 Paris
    expect(isFrozen(weekend, new Date("2026-11-25T12:00:00Z"))).toBe(false); // Wednesday
  });
  it("applies the same instant differently in another time zone", () => {
    const ny = { ...weekend, timeZone: "America/New_York" };
    // Fri 16:30 UTC = Fri 17:30 Paris (frozen) but Fri 11:30 New York (open).
    expect(isFrozen(weekend, new Date("2026-11-27T16:30:00Z"))).toBe(true);
    expect(isFrozen(ny, new Date("2026-11-27T16:30:00Z"))).toBe(false);
  });
  it("handles a single-day span and returns the window that applies", () => {
    const lunch: FreezeWindow = { days: [3], from: "12:00", to: "13:00", timeZone: "UTC", message: "Lunch peak" };
    expect(activeFreeze([weekend, lunch], new Date("2026-11-25T12:30:00Z"))).toBe(lunch);
    expect(activeFreeze([weekend, lunch], new Date("2026-11-25T13:00:00Z"))).toBeNull();
  });
});

describe("freeze window days", () => {
  it("spans consecutive days over the week end", () => {
    expect(daysSpanning(5, 1)).toEqual([5, 6, 0, 1]);
    expect(daysSpanning(3, 3)).toEqual([3]);
    expect(daysSpanning(1, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});
