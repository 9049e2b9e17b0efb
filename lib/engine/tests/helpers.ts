import { secondaryServerUrl, testServerUrl } from "../../testing/databases";

export { query } from "../../testing/databases";
import { checksumOf } from "../checksum";
import type { MigrationFile } from "../types";

/** Builds an in-memory migration the way readMigrationsDir would. */
export function migration(name: string, sql: string, extra: { down?: string; verify?: string } = {}): MigrationFile {
  return { name, sql, checksum: checksumOf(sql), downSql: extra.down ?? null, verifySql: extra.verify ?? null };
}

/** Engine behaviour must hold on the embedded server (18) and on the machine's PostgreSQL (15) when present. */
export async function enginesServers(): Promise<[string, string][]> {
  const servers: [string, string][] = [["embedded", testServerUrl()]];
  const secondary = await secondaryServerUrl();
  if (secondary) servers.push(["local 5432", secondary]);
  return servers;
}

export function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [key, value] of Object.entries(params)) u.searchParams.set(key, value);
  return u.toString();
}
