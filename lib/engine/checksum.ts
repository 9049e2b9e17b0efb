import { createHash } from "node:crypto";

/** sha256 of the file's bytes, lowercase hex: what Prisma stores in `_prisma_migrations.checksum`. */
export function checksumOf(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

/**
 * Whether a stored checksum still describes this script, with Prisma's tolerance:
 * git may have converted line endings (CRLF <-> LF) since the migration was applied,
 * and very old Prisma versions stored hex without zero-padding each byte
 * (prisma-engines issue 1887). Anything else is a modification.
 */
export function checksumMatches(sql: string | Buffer, stored: string): boolean {
  const text = typeof sql === "string" ? sql : sql.toString("utf8");
  const candidates = [sql, text.replace(/\r\n/g, "\n"), text.replace(/\n/g, "\r\n")];
  return candidates.some((script) => {
    const digest = createHash("sha256").update(script).digest();
    const rendered = stored.length !== 0 && stored.length !== 64 ? unpaddedHex(digest) : digest.toString("hex");
    return rendered === stored;
  });
}

function unpaddedHex(digest: Buffer): string {
  return Array.from(digest, (byte) => byte.toString(16)).join("");
}
