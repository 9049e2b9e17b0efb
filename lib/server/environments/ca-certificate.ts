import { createHash, X509Certificate } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/env";

/** Largest CA bundle accepted: a few intermediate and root certificates, not a file upload. */
export const MAX_CA_CERT_CHARS = 64 * 1024;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

export type CaCertificateSummary = { subject: string; validTo: Date };

/**
 * The pasted text as a PEM bundle of one or more X.509 certificates, each really parsed
 * (so a truncated paste fails here, not at the first deploy), trimmed to just the blocks.
 * Throws with a sentence saying what is wrong.
 */
export function normalizeCaCertificate(text: string): { pem: string; certificates: CaCertificateSummary[] } {
  if (text.length > MAX_CA_CERT_CHARS) throw new Error(`is longer than ${MAX_CA_CERT_CHARS / 1024} kB: paste only the CA certificate(s)`);
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) throw new Error("holds a private key: paste only the CA certificate, never a key");
  const blocks = [...text.matchAll(PEM_BLOCK)].map((m) => m[0]);
  if (blocks.length === 0) throw new Error('must be a PEM certificate: text from "-----BEGIN CERTIFICATE-----" to "-----END CERTIFICATE-----"');
  const certificates = blocks.map((block, i) => {
    try {
      const certificate = new X509Certificate(block);
      return { subject: certificate.subject.replaceAll("\n", ", "), validTo: new Date(certificate.validTo) };
    } catch {
      throw new Error(`certificate ${i + 1} of ${blocks.length} is not a readable X.509 certificate (truncated or altered?)`);
    }
  });
  return { pem: `${blocks.map((b) => b.replaceAll("\r\n", "\n")).join("\n")}\n`, certificates };
}

/** What the settings page says about a stored CA: whom it names and until when. */
export function summarizeCaCertificate(pem: string): CaCertificateSummary | null {
  try {
    return normalizeCaCertificate(pem).certificates[0] ?? null;
  } catch {
    return null;
  }
}

function certsDir(): string {
  return path.join(dataDir(), "certs");
}

/**
 * The CA certificate as a file the driver can read (libpq's sslrootcert), written once per
 * content under the data directory: every process that connects (web server, worker, CLI)
 * materialises it from the control plane's encrypted copy, so nothing needs to be shared on disk.
 * Named by owner and content hash, so a replaced certificate never reuses a stale file.
 */
export function caCertificateFile(owner: string, pem: string): string {
  const hash = createHash("sha256").update(pem).digest("hex").slice(0, 16);
  const file = path.join(certsDir(), `${owner}-${hash}.pem`);
  if (existsSync(file)) return file;
  mkdirSync(certsDir(), { recursive: true, mode: 0o700 });
  // Written beside and renamed into place: a concurrent reader sees the whole file or none.
  const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(partial, pem, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
  return file;
}

/** Deletes an owner's materialised CA files (after its certificate is replaced or removed). */
export function forgetCaCertificateFiles(owner: string): void {
  let names: string[];
  try {
    names = readdirSync(certsDir());
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(`${owner}-`)) rmSync(path.join(certsDir(), name), { force: true });
}

/** The URL with the CA file named as sslrootcert, which the engine's URL parser loads. */
export function withCaCertificateFile(url: string, file: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("sslrootcert", file);
  return parsed.toString();
}
