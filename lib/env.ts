import path from "node:path";
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
  /** Largest backup a prod deploy may take into the control plane, in MB (lib/deploy/backup.ts). */
  SLUICE_BACKUP_MAX_MB: z.coerce.number().positive().default(256),
  /** A running deployment whose worker has not beaten for this long is recovered by another worker. */
  SLUICE_WORKER_STALE_MS: z.coerce.number().int().positive().default(30_000),
  SLUICE_WORKER_HEARTBEAT_MS: z.coerce.number().int().positive().default(1_000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Where secrets, git mirrors and CA certificates live (the embedded server's data too). */
  SLUICE_DATA_DIR: z.string().min(1).default(".sluice"),
  PORT: z.coerce.number().int().positive().default(3000),
  /** The address people reach Sluice at: used in setup and invitation links and in the CLI's request URLs. */
  SLUICE_PUBLIC_URL: z.string().url({ message: "SLUICE_PUBLIC_URL must be a URL such as https://sluice.example.com" }).optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

/** Read on each call (a zod parse of a few variables is cheap), so a value set at run time is seen. */
export function env(): TEnv {
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid Sluice configuration: ${problems}`);
  }
  return parsed.data;
}

/** The data directory, absolute (relative values are taken from the directory Sluice runs in). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().SLUICE_DATA_DIR);
}

/** Where people reach this install: SLUICE_PUBLIC_URL, else http://localhost:PORT. */
export function publicUrl(): string {
  const { SLUICE_PUBLIC_URL, PORT } = env();
  return (SLUICE_PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}
