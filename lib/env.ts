import { z } from "zod";

/**
 * The one validated view of the process environment. scripts/start.ts fills
 * DATABASE_URL (embedded server), AUTH_SECRET and SLUICE_ENCRYPTION_KEY
 * (persisted under .sluice/) when the operator has not set them.
 */
const ZEnv = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  SLUICE_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "SLUICE_ENCRYPTION_KEY must be 32 bytes, base64"),
  SLUICE_DEMO: z.enum(["0", "1"]).default("1"),
  /** "0" seeds the demo's prod policy without its Friday-to-Monday freeze (the e2e suite deploys to prod any day). */
  SLUICE_DEMO_WEEKEND_FREEZE: z.enum(["0", "1"]).default("1"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid Sluice configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}
