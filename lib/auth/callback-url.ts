/**
 * Where to go after signing in. next-auth hands the page an absolute callback URL;
 * only its path is kept, so a crafted host can never make this an open redirect.
 */
export function safeCallback(url: FormDataEntryValue | null): string {
  if (typeof url !== "string" || !url) return "/";
  let parsed: URL;
  try {
    parsed = new URL(url, "http://sluice.invalid");
  } catch {
    return "/";
  }
  const target = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/sign-in") ? target : "/";
}
