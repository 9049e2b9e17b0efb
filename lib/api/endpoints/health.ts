import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { ZTimestamp } from "../fields";

const ZHealthSample = z.object({
  reachable: z.boolean(),
  error: z.string().optional().describe("Why the target could not be sampled at all"),
  warnings: z.array(z.string()).describe("Parts that failed while the target answered"),
  sampledAt: ZTimestamp,
  latencyMs: z.number().nullable(),
  serverVersion: z.string().nullable(),
  connections: z.number().nullable(),
  maxConnections: z.number().nullable(),
  databaseSizeBytes: z.number().nullable(),
  largestTables: z.array(z.object({ name: z.string(), totalBytes: z.number(), rowEstimate: z.number().nullable() })),
  longRunningTransactions: z.array(
    z.object({ pid: z.number(), durationSeconds: z.number(), state: z.string().nullable(), query: z.string().nullable(), applicationName: z.string().nullable() }),
  ),
  lockWaits: z.array(
    z.object({
      blockedPid: z.number(),
      blockingPid: z.number(),
      waitSeconds: z.number(),
      blockedQuery: z.string().nullable(),
      blockingQuery: z.string().nullable(),
      lockType: z.string().nullable(),
      lockMode: z.string().nullable(),
      relation: z.string().nullable(),
    }),
  ),
  migrations: z.object({ pending: z.number(), failed: z.number(), modified: z.number(), unknown: z.number() }).nullable(),
  longTransactionSeconds: z.number(),
});

export const HEALTH_ENDPOINTS = {
  environments: defineEndpoint({
    method: "get",
    path: "/health",
    tag: "health",
    summary: "Sample every environment you may see",
    description: "A fresh health sample of each environment you may read: reachability, version, connections, long transactions, lock waits, sizes, and pending, failed or modified migrations. Every target is asked at once, each with its own deadline.",
    response: z.object({
      environments: z.array(z.object({ environmentId: z.string(), projectName: z.string(), name: z.string(), sample: ZHealthSample })),
    }),
  }),
} as const;
