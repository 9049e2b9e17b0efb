import { AppError } from "@/lib/errors";
import { normalizeCaCertificate } from "./ca-certificate";

/** A CA certificate from a form or the API: blank means none; anything else must be valid PEM. */
export function pastedCaCertificate(text: string | null | undefined): string | null {
  if (text === null || text === undefined || !text.trim()) return null;
  try {
    return normalizeCaCertificate(text).pem;
  } catch (error) {
    throw new AppError("BAD_INPUT", `caCert: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
