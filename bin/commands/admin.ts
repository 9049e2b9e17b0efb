import path from "node:path";
import type { Command } from "commander";
import { applyLocalInstallEnv } from "../../lib/postgres/local-install";

type BootstrapOptions = { email: string; name: string; token?: boolean; json?: boolean };

const PASSWORD_HELP = `
The password comes from SLUICE_PASSWORD, or from stdin (everything piped in, without the
trailing newline), e.g.:
  printf '%s\\n' "$ADMIN_PASSWORD" | sluice admin bootstrap --email ada@example.com --name "Ada Admin"
Run it on the server, where DATABASE_URL (or the .sluice folder of npm start) points at the
control plane. Refused once any account exists: then sign in, or ask an admin for an invitation.`;

/** Everything piped in, minus one trailing newline; null when stdin is a terminal (nothing to read, and typing would echo). */
async function passwordFromStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/**
 * A CLI command that opened the control plane failed for a reason that is not the user's
 * input: say what to fix in words (no stack trace, no connection URL).
 */
function describeControlPlaneFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  if (message.startsWith("Invalid Sluice configuration")) {
    return `${message}\nRun this where Sluice is installed (the folder holding .sluice from npm start), or set DATABASE_URL, AUTH_SECRET and SLUICE_ENCRYPTION_KEY as the server has them.`;
  }
  if (code === "P2021") return "The control plane's tables do not exist yet: start Sluice once (npm start) so it applies its migrations, then run this again.";
  if (code === "ECONNREFUSED" || /ECONNREFUSED|connect/i.test(message)) {
    return "Cannot reach the control plane's database. Is Sluice (or its PostgreSQL) running, and does DATABASE_URL point at it?";
  }
  return `The control plane failed: ${message}`;
}

/**
 * `sluice admin bootstrap --email E --name N [--token] [--json]`: the headless alternative to
 * the setup link `npm start` prints. Exit 0 created, 1 refused (an account exists, bad input),
 * 2 cannot reach or read the control plane.
 */
export function registerAdminCommands(program: Command) {
  const admin = program.command("admin").description("Administer this install (run on the server)");
  admin
    .command("bootstrap")
    .description("Create the first admin of an install without demo data")
    .requiredOption("--email <email>", "the admin's email (their sign-in name)")
    .requiredOption("--name <name>", "the admin's name as others see it")
    .option("--token", "also create an API token with every scope for the new admin and print it (once)")
    .option("--json", "print the result as JSON")
    .addHelpText("after", PASSWORD_HELP)
    .action(async (options: BootstrapOptions) => {
      applyLocalInstallEnv(path.resolve(__dirname, "../.."));
      const password = process.env.SLUICE_PASSWORD ?? (await passwordFromStdin());
      if (password === null) {
        console.error("No password: set SLUICE_PASSWORD or pipe it on stdin (see sluice admin bootstrap --help).");
        process.exitCode = 1;
        return;
      }
      const { AppError } = await import("../../lib/errors");
      let disconnect = async () => {};
      try {
        const { db } = await import("../../lib/db");
        disconnect = () => db().$disconnect();
        const { bootstrapAdmin } = await import("../../lib/server/setup");
        const { publicUrl } = await import("../../lib/env");
        const { admin: created, token } = await bootstrapAdmin({ email: options.email, name: options.name, password }, { withToken: options.token });
        const signInUrl = `${publicUrl()}/sign-in`;
        if (options.json) {
          const tokenJson = token ? { id: token.id, secret: token.secret, prefix: token.prefix, scopes: token.scopes } : null;
          console.log(JSON.stringify({ admin: { id: created.id, email: created.email, name: created.name, siteAdmin: true }, token: tokenJson, signInUrl }, null, 2));
        } else {
          console.log(`Created the first admin, ${created.name} <${created.email}> (site admin). Sign in at ${signInUrl}`);
          if (token) console.log(`API token with every scope (shown once, keep it secret):\n${token.secret}`);
        }
      } catch (error) {
        if (error instanceof AppError) {
          console.error(error.message);
          process.exitCode = 1;
        } else {
          console.error(describeControlPlaneFailure(error));
          process.exitCode = 2;
        }
      } finally {
        await disconnect().catch(() => undefined);
      }
    });
}
