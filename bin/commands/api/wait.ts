import { CLI_EXIT, CliFailure } from "./exit";

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** "30m", "90s", "1h", "1500ms", or a bare number of seconds. */
export function parseDuration(value: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim());
  if (!match) throw new CliFailure(CLI_EXIT.USAGE, `${flag} must be a duration such as 90s, 30m or 2h, got "${value}".`);
  const ms = Number(match[1]) * UNITS[match[2] ?? "s"];
  if (ms <= 0) throw new CliFailure(CLI_EXIT.USAGE, `${flag} must be longer than zero.`);
  return ms;
}

export type PollOutcome<T> = { done: true; value: T } | { done: false };

/**
 * Asks `check` every `intervalMs` until it says done, or fails with exit 3 once `timeoutMs`
 * has passed (the last check runs at the deadline, so a state reached just in time counts).
 */
export async function pollUntil<T>(check: () => Promise<PollOutcome<T>>, options: { timeoutMs: number; intervalMs: number; what: string }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const outcome = await check();
    if (outcome.done) return outcome.value;
    const left = deadline - Date.now();
    if (left <= 0) throw new CliFailure(CLI_EXIT.TIMEOUT, `Timed out after ${formatDuration(options.timeoutMs)} waiting for ${options.what}.`, { code: "TIMEOUT" });
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.intervalMs, left)));
  }
}

export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1_000 === 0) return `${ms / 1_000} s`;
  return `${ms} ms`;
}

/**
 * The lines of `current` not seen in `previous`: the server sends the log's last lines, so
 * the two windows overlap by the longest run where previous ends as current starts.
 */
export function newLogLines(previous: readonly string[], current: readonly string[]): string[] {
  for (let k = Math.min(previous.length, current.length); k > 0; k--) {
    let overlaps = true;
    for (let i = 0; i < k && overlaps; i++) overlaps = previous[previous.length - k + i] === current[i];
    if (overlaps) return current.slice(k);
  }
  return [...current];
}
