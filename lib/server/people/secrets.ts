import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/auth/api-tokens";

/**
 * A single-use link secret (setup, invitation): 32 random bytes, URL-safe. Only its sha256 is
 * stored, so a copy of the database cannot be turned into a working link.
 */
export function newLinkSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: hashToken(secret) };
}

export { hashToken as hashLinkSecret };

// No look-alike characters (0/O, 1/l/I): the admin reads it out or pastes it to a colleague.
const TEMPORARY_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A temporary password for an admin reset: 20 characters, about 115 bits, shown once. */
export function temporaryPassword(length = 20): string {
  // Rejection sampling keeps every character equally likely.
  const limit = TEMPORARY_ALPHABET.length * Math.floor(256 / TEMPORARY_ALPHABET.length);
  let password = "";
  while (password.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && password.length < length) password += TEMPORARY_ALPHABET[byte % TEMPORARY_ALPHABET.length];
    }
  }
  return password;
}
