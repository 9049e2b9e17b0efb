import path from "node:path";
import { deployMigrations, readMigrationsDir } from "@/lib/engine";

export const CONTROL_PLANE_MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

/**
 * Brings the control plane's own database up to date with prisma/migrations,
 * using the same engine Sluice runs on customer databases.
 */
export async function migrateControlPlane(databaseUrl: string, log: (line: string) => void = () => {}) {
  const migrations = await readMigrationsDir(CONTROL_PLANE_MIGRATIONS_DIR);
  const report = await deployMigrations({ url: databaseUrl, migrations, applicationName: "sluice-control-plane" });
  for (const applied of report.applied) log(`applied control-plane migration ${applied.name}`);
  return report;
}
