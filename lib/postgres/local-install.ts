import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { EMBEDDED_PASSWORD, EMBEDDED_USER } from "./embedded-credentials";

type LocalSecrets = { authSecret: string; encryptionKey: string };

/**
 * AUTH_SECRET and SLUICE_ENCRYPTION_KEY for a local install: generated once and
 * kept (mode 600) beside the embedded database, so sessions and encrypted
 * connection URLs survive restarts. Values set in the environment win.
 */
export function ensureLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  let secrets: LocalSecrets;
  if (existsSync(file)) {
    secrets = JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  } else {
    secrets = { authSecret: randomBytes(32).toString("base64url"), encryptionKey: randomBytes(32).toString("base64") };
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    authSecret: process.env.AUTH_SECRET ?? secrets.authSecret,
    encryptionKey: process.env.SLUICE_ENCRYPTION_KEY ?? secrets.encryptionKey,
  };
}

/**
 * For CLI commands that open the control plane (restore, worker) on a local install:
 * the same secrets and, when DATABASE_URL is unset, the embedded server `npm start` runs.
 * Values already in the environment win.
 */
export function applyLocalInstallEnv(root: string): void {
  const dataDir = path.resolve(root, process.env.SLUICE_DATA_DIR ?? ".sluice");
  if (!existsSync(path.join(dataDir, "secrets.json"))) return;
  const secrets = ensureLocalSecrets(dataDir);
  process.env.AUTH_SECRET ??= secrets.authSecret;
  process.env.SLUICE_ENCRYPTION_KEY ??= secrets.encryptionKey;
  if (!process.env.DATABASE_URL && existsSync(path.join(dataDir, "pg", "PG_VERSION"))) {
    process.env.DATABASE_URL = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${process.env.SLUICE_PG_PORT ?? 54329}/sluice`;
  }
}
