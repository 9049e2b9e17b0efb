import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The one Prisma client of the control plane's database. Kept on globalThis so
 * Next's dev-mode module reloads do not open a new pool on every edit.
 */
const globalForPrisma = globalThis as unknown as { sluicePrisma?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }) });
}

export function db(): PrismaClient {
  globalForPrisma.sluicePrisma ??= createClient();
  return globalForPrisma.sluicePrisma;
}

export type Db = PrismaClient;
export type DbTransaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
