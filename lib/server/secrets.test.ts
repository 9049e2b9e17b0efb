import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret } from "./secrets";

describe("connection URL encryption", () => {
  const key = randomBytes(32);

  it("round-trips and never stores the plain text", () => {
    const url = "postgres://app:s3cret@db.internal:5432/riscura_prod";
    const sealed = encryptSecret(url, key);
    expect(sealed).not.toContain("s3cret");
    expect(decryptSecret(sealed, key)).toBe(url);
  });

  it("refuses a tampered value or another key", () => {
    const sealed = encryptSecret("postgres://x", key);
    const parts = sealed.split(":");
    parts[3] = Buffer.from("postgres://y").toString("base64");
    expect(() => decryptSecret(parts.join(":"), key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
  });
});
