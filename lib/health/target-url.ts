/**
 * A target URL whose session refuses to run any statement longer than `ms`, so a read-only
 * probe (status, health) queued behind a lock or a dead server never hangs a page. The
 * operator's own `options` are kept; ours come after, so ours win.
 */
export function withStatementTimeout(url: string, ms: number): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const own = parsed.searchParams.get("options");
  const ours = `-c statement_timeout=${Math.max(1, Math.round(ms))} -c lock_timeout=${Math.max(1, Math.round(ms))}`;
  parsed.searchParams.set("options", own ? `${own} ${ours}` : ours);
  if (!parsed.searchParams.has("connect_timeout")) parsed.searchParams.set("connect_timeout", String(Math.max(1, Math.ceil(ms / 1000))));
  return parsed.toString();
}

/** Rejects with `message` after `ms`, so one stuck target cannot hold up the others. */
export function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
