import { describe, expect, it } from "vitest";
import { safeCallback } from "./callback-url";

describe("safeCallback", () => {
  it("keeps the path of the page the user asked for", () => {
    expect(safeCallback("http://localhost:3000/requests?status=in_review")).toBe("/requests?status=in_review");
    expect(safeCallback("/history/abc")).toBe("/history/abc");
  });
  it("never redirects to another host", () => {
    expect(safeCallback("https://evil.example/phish")).toBe("/phish");
    expect(safeCallback("//evil.example/x")).toBe("/x");
  });
  it("falls back to the dashboard", () => {
    expect(safeCallback(null)).toBe("/");
    expect(safeCallback("/sign-in?callbackUrl=/x")).toBe("/");
  });
});
