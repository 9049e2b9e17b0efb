import path from "node:path";
import type { Command } from "commander";
import { applyLocalInstallEnv } from "../../lib/postgres/local-install";

type RestoreOptions = { as: string; yes?: boolean; json?: boolean };

/**
 * `sluice restore DEPLOYMENT_ID --as admin@example.com --yes`: puts the tables a prod deploy
 * changed back as the backup taken before it holds them. Runs against the control plane
 * (DATABASE_URL) with the same checks as the button: the named user must be an admin.
 */
export function registerRestoreCommand(program: Command) {
  program
    .command("restore")
    .description("Restore the tables a prod deployment changed from the backup taken before it")
    .argument("<deploymentId>", "the deployment whose backup to restore")
    .requiredOption("--as <email>", "the admin doing the restore (recorded in the audit log)")
    .option("--yes", "restore without asking (replaces the rows of every backed-up table)")
    .option("--json", "print the report as JSON")
    .action(async (deploymentId: string, options: RestoreOptions) => {
      applyLocalInstallEnv(path.resolve(__dirname, "../.."));
      const { db } = await import("../../lib/db");
      const { restoreDeployment } = await import("../../lib/server/deployments");
      try {
        const user = await db().user.findUnique({ where: { email: options.as }, select: { id: true, email: true, name: true } });
        if (!user) throw new Error(`No user ${options.as}.`);
        const backup = await db().deploymentBackup.findUnique({ where: { deploymentId }, include: { tables: { select: { schemaName: true, tableName: true, rowCount: true } } } });
        if (!backup) throw new Error(`Deployment ${deploymentId} has no backup (only prod deploys take one).`);
        const tables = backup.tables.map((t) => `${t.schemaName}.${t.tableName} (${t.rowCount} rows)`).join(", ");
        if (!options.yes) {
          console.error(`Would replace ${tables} with the backup of ${backup.createdAt.toISOString()}. Run again with --yes to restore.`);
          process.exitCode = 1;
          return;
        }
        const report = await restoreDeployment(user, { deploymentId });
        if (options.json) console.log(JSON.stringify(report, null, 2));
        else {
          for (const t of report.tables) console.log(`restored ${t.name}: ${t.rows} rows${t.recreated ? " (table recreated)" : ""}`);
          for (const change of report.schemaChanges) console.log(`  ${change}`);
          console.log(`done in ${report.durationMs} ms; the target's _prisma_migrations was not changed.`);
        }
      } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = 2;
      } finally {
        await db().$disconnect();
      }
    });
}
