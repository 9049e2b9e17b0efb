import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

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
