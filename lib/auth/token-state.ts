import { isRealDay } from "@/lib/format/day";

/**
 * Where an API token stands, decided the same way for the list a person sees and for the
 * check `principalOfToken` makes: revoked wins over expired, and a token expires at its
 * `expiresAt` instant exactly. Pure, so the tokens page and its tests share it.
 */
export const TOKEN_STATES = ["active", "expired", "revoked"] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

export function tokenState(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): TokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** The expiry choices the form offers; a number is days from now. */
export const TOKEN_EXPIRY_CHOICES = ["30", "90", "365", "never", "date"] as const;
export type TokenExpiryChoice = (typeof TOKEN_EXPIRY_CHOICES)[number];

export const TOKEN_EXPIRY_LABELS = {
  "30": "30 days",
  "90": "90 days",
  "365": "1 year",
  never: "Never",
  date: "On a date…",
} as const satisfies Record<TokenExpiryChoice, string>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a token made now with this choice expires: null = never. A chosen date means the end
 * of that day in UTC (every time Sluice shows is UTC), so "2027-01-31" works all of that day.
 */
export function expiresAtOf(choice: TokenExpiryChoice, date: string | undefined, now: Date): Date | null {
  if (choice === "never") return null;
  if (choice === "date") {
    if (!date || !isRealDay(date)) throw new RangeError("expected a date as YYYY-MM-DD");
    return new Date(`${date}T23:59:59.999Z`);
  }
  return new Date(now.getTime() + Number(choice) * DAY_MS);
}
