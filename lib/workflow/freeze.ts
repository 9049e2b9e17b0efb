/**
 * A freeze window in an environment's own time zone. `days` (0 = Sunday … 6 = Saturday) are
 * the consecutive days it spans: it starts on the first at `from` and ends on the last at `to`,
 * days in between are frozen all day. `{days: [5, 6, 0, 1], from: "16:00", to: "08:00"}` is
 * Friday 16:00 to Monday 08:00; `{days: [3], from: "09:00", to: "17:00"}` is one Wednesday span.
 */
export type FreezeWindow = { days: number[]; from: string; to: string; timeZone: string; message: string };

const WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + (m || 0);
}

/** The weekday and minute of the day at `at` in `timeZone`. */
export function localClock(at: Date, timeZone: string): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "0";
  return { day: WEEKDAY[get("weekday")], minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

export function isFrozen(window: FreezeWindow, at: Date): boolean {
  const { day, minute } = localClock(at, window.timeZone);
  const index = window.days.indexOf(day);
  if (index < 0) return false;
  const from = minutes(window.from);
  const to = minutes(window.to);
  if (window.days.length === 1) return minute >= from && minute < to;
  if (index === 0) return minute >= from;
  if (index === window.days.length - 1) return minute < to;
  return true;
}

/** The first window `at` falls in, if any. */
export function activeFreeze(windows: FreezeWindow[], at: Date): FreezeWindow | null {
  return windows.find((w) => isFrozen(w, at)) ?? null;
}

/** The consecutive days from `fromDay` to `toDay`, wrapping over the week end: Friday → Monday is [5, 6, 0, 1]. */
export function daysSpanning(fromDay: number, toDay: number): number[] {
  const days = [fromDay];
  for (let d = fromDay; d !== toDay; ) {
    d = (d + 1) % 7;
    days.push(d);
  }
  return days;
}
