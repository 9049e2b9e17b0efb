import { z } from "zod";

/**
 * An environment's name: short, lowercase, safe in a URL path (`/environments/{name}`) and a CLI flag.
 * "order" is taken by the reorder endpoint (`PUT /projects/{slug}/environments/order`).
 */
export const ZEnvironmentName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "must be 1 to 40 lowercase letters, digits, _ or -, starting with a letter or digit")
  .refine((name) => name !== "order", 'may not be "order" (a word the API reserves)');

/** The IANA name of a time zone as the runtime spells it ("europe/paris" → "Europe/Paris"), or null if unknown. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const ZTimeZone = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((zone) => canonicalTimeZone(zone) !== null, "is not a known time zone (use an IANA name such as Europe/Paris or UTC)")
  .transform((zone) => canonicalTimeZone(zone)!);

/** A connection URL as typed; the domain function checks its parts and names what is wrong. */
const ZUrl = z.string().trim().max(4000, "must be 4000 characters or fewer");
/** A pasted PEM CA certificate (or bundle); parsed and checked by the domain function. */
const ZCaCert = z.string().max(64 * 1024, "must be 64 kB or smaller: paste only the CA certificate(s)");

export const ZCreateEnvironment = z.object({
  name: ZEnvironmentName,
  url: ZUrl.min(1, "paste the database's connection URL, e.g. postgresql://user:password@host:5432/app?schema=public"),
  caCert: ZCaCert.optional(),
  timeZone: ZTimeZone.optional(),
});
export type TCreateEnvironment = z.input<typeof ZCreateEnvironment>;

export const ZUpdateEnvironment = z.object({
  name: ZEnvironmentName.optional(),
  /** Absent or empty: keep the stored URL (it is never sent back to be edited). */
  url: ZUrl.optional(),
  /** A PEM to set, null to remove, absent (or empty from a form) to keep. */
  caCert: ZCaCert.nullable().optional(),
  timeZone: ZTimeZone.optional(),
});
export type TUpdateEnvironment = z.input<typeof ZUpdateEnvironment>;

export const ZReorderEnvironments = z.object({
  names: z.array(ZEnvironmentName).min(1, "list every environment of the project, in the new order").max(100, "must list 100 environments or fewer"),
});
export type TReorderEnvironments = z.input<typeof ZReorderEnvironments>;

/** A connection test before saving: the URL (and CA) as typed in the form. */
export const ZTestUnsavedConnection = z.object({
  url: ZUrl.min(1, "paste the database's connection URL first"),
  caCert: ZCaCert.optional(),
});
export type TTestUnsavedConnection = z.input<typeof ZTestUnsavedConnection>;
