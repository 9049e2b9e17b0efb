import { createHash } from "node:crypto";
import { z } from "zod";
import { checksumOf, type MigrationFile } from "@/lib/engine";
import type { DbTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Source snapshots: a project's migrations exactly as one git commit or one CI upload held
 * them. A request made from a snapshot keeps pointing at it, so what was reviewed is what
 * deploys, whatever the branch or the next upload holds later.
 */

const ZSnapshotFile = z.object({
  name: z.string(),
  sql: z.string(),
  checksum: z.string(),
  downSql: z.string().nullable(),
  verifySql: z.string().nullable(),
});
const ZSnapshotFiles = z.array(ZSnapshotFile);

/** The files a stored snapshot holds, in migration order. */
export function snapshotFiles(snapshot: { files: Prisma.JsonValue }): MigrationFile[] {
  return ZSnapshotFiles.parse(snapshot.files);
}

/** Orders and checksums files as the engine reads a folder: by name (localeCompare), sha256 of migration.sql. */
export function normalizeSnapshotFiles(files: { name: string; sql: string; downSql?: string | null; verifySql?: string | null }[]): MigrationFile[] {
  return files
    .map((f) => ({ name: f.name, sql: f.sql, checksum: checksumOf(f.sql), downSql: f.downSql ?? null, verifySql: f.verifySql ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** sha256 over every file's name and contents: the same folder uploaded twice is one snapshot. */
export function snapshotContentHash(files: MigrationFile[]): string {
  const hash = createHash("sha256");
  for (const f of files) {
    for (const part of [f.name, f.sql, f.downSql ?? "\u0000", f.verifySql ?? "\u0000"]) hash.update(`${Buffer.byteLength(part)}:${part}`);
  }
  return hash.digest("hex");
}

export type NewSnapshot = {
  projectId: string;
  origin: "git" | "upload";
  commit?: string | null;
  branch?: string | null;
  files: MigrationFile[];
  createdById?: string | null;
};

/**
 * Stores a snapshot inside the caller's transaction, or returns the existing one with the same
 * content, origin, commit and branch (a pipeline re-running on the same commit adds nothing).
 */
export async function storeSnapshot(tx: DbTransaction, input: NewSnapshot) {
  const files = [...input.files].sort((a, b) => a.name.localeCompare(b.name));
  const contentHash = snapshotContentHash(files);
  const existing = await tx.sourceSnapshot.findFirst({
    where: { projectId: input.projectId, contentHash, origin: input.origin, commit: input.commit ?? null, branch: input.branch ?? null },
    orderBy: { createdAt: "desc" },
  });
  if (existing) return { snapshot: existing, files, created: false };
  const snapshot = await tx.sourceSnapshot.create({
    data: {
      projectId: input.projectId,
      origin: input.origin,
      commit: input.commit ?? null,
      branch: input.branch ?? null,
      contentHash,
      files: files as unknown as Prisma.InputJsonValue,
      createdById: input.createdById ?? null,
    },
  });
  return { snapshot, files, created: true };
}
