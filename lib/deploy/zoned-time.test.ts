import { describe, expect, it } from "vitest";
import { zonedLocalToInstant } from "./zoned-time";

describe("zonedLocalToInstant", () => {
  it("reads a datetime-local value in the environment's time zone, across DST", () => {
    expect(zonedLocalToInstant("2026-11-30T09:00", "Europe/Paris")?.toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(zonedLocalToInstant("2026-07-01T09:00", "Europe/Paris")?.toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(zonedLocalToInstant("2026-07-01T09:00", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedLocalToInstant("2026-07-01T09:00", "UTC")?.toISOString()).toBe("2026-07-01T09:00:00.000Z");
    expect(zonedLocalToInstant("not a time", "UTC")).toBeNull();
  });
});
