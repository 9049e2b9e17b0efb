/** "2026-12-24": a day as people type it and date inputs send it, read in UTC like every time Sluice shows. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A day that exists: "2026-02-30" or "2026-13-01" would become an invalid or rolled-over date. */
export function isRealDay(day: string): boolean {
  if (!DAY_PATTERN.test(day)) return false;
  const date = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}
