import { db, type DbTransaction } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/credentials";
import { TOKEN_SCOPES } from "@/lib/auth/token-scopes";
import { ZCompleteSetup, ZNewAdmin, type TCompleteSetup, type TNewAdmin } from "@/lib/schemas/people";
import { createUserRecord } from "./people/records";
import { parseInput } from "./people/input";
import { createApiToken } from "./tokens";
import { hashLinkSecret, newLinkSecret } from "./people/secrets";

// Serialises everything that may create the first account: two setup forms submitted at
// once, or the form and `sluice admin bootstrap`, make exactly one admin.
const FIRST_ADMIN_LOCK = 727073700;

async function anyUserExists(client: Pick<DbTransaction, "user"> = db()): Promise<boolean> {
  return (await client.user.count({ take: 1 })) > 0;
}

/** True until the install has its first account: the /setup page exists only then. */
export async function setupNeeded(): Promise<boolean> {
  return !(await anyUserExists());
}

/** Whether this setup link would still work: the /setup page says so before anyone types a password. */
export async function setupLinkValid(token: string): Promise<boolean> {
  if (!token || token.length > 200) return false;
  return (await db().setupToken.count({ where: { tokenHash: hashLinkSecret(token), usedAt: null } })) > 0;
}

/**
 * A fresh one-time setup secret for `npm start` to print, or null once any account exists.
 * Older unused secrets are deleted: only the link printed last works.
 */
export async function issueSetupToken(): Promise<string | null> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
    if (await anyUserExists(tx)) return null;
    await tx.setupToken.deleteMany({ where: { usedAt: null } });
    const { secret, hash } = newLinkSecret();
    await tx.setupToken.create({ data: { tokenHash: hash } });
    return secret;
  });
}

/** What `npm start` prints for an install without accounts: the one-time link, and the headless way. */
export function setupAnnouncement(secret: string): string[] {
  return [
    `No admin yet. Open ${publicUrl()}/setup?token=${secret} to create the first one (the link works once).`,
    `Or, on this server: npx sluice admin bootstrap --email you@example.com --name "Your Name" (password from SLUICE_PASSWORD or stdin).`,
  ];
}

type FirstAdmin = { email: string; name: string; passwordHash: string };

/**
 * Inside the caller's transaction: takes the first-admin lock, refuses once any account
 * exists, creates the site admin and audits `setup.completed`. Shared by the setup link and
 * `sluice admin bootstrap`, which differ only in how they prove they may.
 */
async function createFirstAdmin(tx: DbTransaction, admin: FirstAdmin, via: "setup-link" | "cli", beforeCreate?: () => Promise<void>) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
  if (await anyUserExists(tx)) throw new AppError("CONFLICT", "Sluice already has an admin: sign in, or ask an admin to invite you.");
  await beforeCreate?.();
  const user = await createUserRecord(tx, { ...admin, kind: "person", siteAdmin: true }, "self", { via });
  // Whichever way the first admin was made, a setup link still lying in a console is dead now.
  await tx.setupToken.updateMany({ where: { usedAt: null }, data: { usedAt: new Date() } });
  await recordAudit(tx, {
    actor: { id: user.id, email: user.email },
    action: "setup.completed",
    subjectType: "setup",
    subjectId: user.id,
    after: { admin: user.email, name: user.name },
    metadata: { via },
  });
  return { id: user.id, email: user.email, name: user.name, siteAdmin: true as const };
}

/**
 * The /setup form: the setup link's secret proves the caller read the server's console.
 * Refused (FORBIDDEN) for a wrong or used secret, (CONFLICT) once any account exists.
 */
export async function completeSetup(raw: TCompleteSetup) {
  const input = parseInput(ZCompleteSetup, raw);
  // bcrypt is slow on purpose: hash before taking the lock, not while holding it.
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) =>
    createFirstAdmin(tx, { email: input.email, name: input.name, passwordHash }, "setup-link", async () => {
      const used = await tx.setupToken.updateMany({ where: { tokenHash: hashLinkSecret(input.token), usedAt: null }, data: { usedAt: new Date() } });
      if (used.count !== 1) throw new AppError("FORBIDDEN", "This setup link is invalid or was already used. Restart Sluice to print a new one.");
    }),
  );
}

/**
 * `sluice admin bootstrap`: run on the server itself, so access to the control plane's
 * database is the proof. Refused (CONFLICT) once any account exists. `withToken` also makes
 * the new admin an API token with every scope (for scripts that set the install up next).
 */
export async function bootstrapAdmin(raw: TNewAdmin, options: { withToken?: boolean } = {}) {
  const input = parseInput(ZNewAdmin, raw);
  const passwordHash = await hashPassword(input.password);
  const admin = await db().$transaction(async (tx) => createFirstAdmin(tx, { email: input.email, name: input.name, passwordHash }, "cli"));
  const token = options.withToken ? await createApiToken(admin, { userId: admin.id, name: "bootstrap", scopes: [...TOKEN_SCOPES] }) : null;
  return { admin, token };
}
