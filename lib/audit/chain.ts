import { createHash } from "node:crypto";

export type AuditContent = {
  createdAt: Date;
  actorId: string | null;
  actorEmail: string;
  action: string;
  subjectType: string;
  subjectId: string;
  projectId: string | null;
  before: unknown;
  after: unknown;
  metadata: unknown;
};

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Each event's hash covers the previous hash, so editing or deleting any event breaks every later link. */
export function chainHash(prevHash: string | null, content: AuditContent): string {
  return createHash("sha256")
    .update(prevHash ?? "genesis")
    .update("\n")
    .update(canonicalJson(content))
    .digest("hex");
}

export type ChainedEvent = AuditContent & { id: bigint | number | string; prevHash: string | null; hash: string };

/** Returns the id of the first event whose link is broken, or null when the chain is intact. */
export function firstBrokenLink(eventsOldestFirst: ChainedEvent[]): string | null {
  let prev: string | null = null;
  for (const event of eventsOldestFirst) {
    const { id, prevHash, hash, ...content } = event;
    if (prevHash !== prev || chainHash(prevHash, content) !== hash) return String(id);
    prev = hash;
  }
  return null;
}
