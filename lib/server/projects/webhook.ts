import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { decryptSecret } from "../secrets";
import { visibleProjectBySlug } from "./access";
import { refreshProject, type RefreshResult } from "./refresh-project";

/** What a push webhook may carry to prove it knows the project's secret. */
export type WebhookProof = {
  /** GitHub, Gitea: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`. */
  hubSignature?: string | null;
  /** Sluice's own name for the same signature, for scripts and CI. */
  sluiceSignature?: string | null;
  /** GitLab sends the secret itself in `X-Gitlab-Token` (it does not sign the body). */
  gitlabToken?: string | null;
};

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether `header` is `sha256=<hex>` of the raw body under `secret`, compared in constant time. */
export function signatureMatches(secret: string, rawBody: string, header: string | null | undefined): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "");
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(rawBody, "utf8").digest();
  return sameBytes(Buffer.from(match[1].toLowerCase(), "hex"), expected);
}

function proofMatches(secret: string, rawBody: string, proof: WebhookProof): boolean {
  if (proof.hubSignature && signatureMatches(secret, rawBody, proof.hubSignature)) return true;
  if (proof.sluiceSignature && signatureMatches(secret, rawBody, proof.sluiceSignature)) return true;
  if (proof.gitlabToken) {
    const digest = (value: string) => createHmac("sha256", "sluice-gitlab-token").update(value).digest();
    return sameBytes(digest(proof.gitlabToken), digest(secret));
  }
  return false;
}

const REFUSED = "Send Authorization: Bearer <API token>, or a push webhook signed with the project's webhook secret (X-Hub-Signature-256: sha256=<HMAC of the body>).";
const BAD_SIGNATURE = "The webhook signature does not match the project's webhook secret (or the project has none): check the secret in the webhook's settings.";

/**
 * POST /projects/{slug}/refresh. With a bearer token, its owner must be able to read the project.
 * Without one, the body must be signed with the project's webhook secret; an unknown project,
 * one without a secret and a wrong signature get the same 401, so an anonymous caller learns
 * nothing about which projects exist.
 */
export async function refreshFromRequest(caller: CurrentUser | null, slug: string, rawBody: string, proof: WebhookProof): Promise<{ projectId: string; role: Role | null; result: RefreshResult }> {
  if (caller) {
    const { id, role } = await visibleProjectBySlug(caller, slug);
    return { projectId: id, role, result: await refreshProject(caller, id) };
  }
  if (!proof.hubSignature && !proof.sluiceSignature && !proof.gitlabToken) throw new AppError("UNAUTHENTICATED", REFUSED);
  const project = await db().project.findUnique({ where: { slug }, select: { id: true, webhookSecretEncrypted: true } });
  let secret: string | null = null;
  try {
    secret = project?.webhookSecretEncrypted ? decryptSecret(project.webhookSecretEncrypted) : null;
  } catch {
    secret = null;
  }
  // Computed for a missing project too, so the answer takes as long either way.
  const verified = proofMatches(secret ?? "sluice-no-webhook-secret", rawBody, proof) && secret !== null;
  if (!project || !verified) throw new AppError("UNAUTHENTICATED", BAD_SIGNATURE);
  return { projectId: project.id, role: null, result: await refreshProject("webhook", project.id) };
}
