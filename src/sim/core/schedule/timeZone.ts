/**
 * Wall-clock arithmetic in an IANA time zone through the platform's Intl API (no time-zone data shipped).
 * Times are epoch milliseconds; offsets are local minus UTC, in milliseconds, at whole seconds.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the platform knows the zone (e.g. "America/New_York", "UTC"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function wallClock(ms: number, timeZone: string): WallClock {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  return out;
}

/** The wall clock read as if it were UTC, in ms: comparable across a day, and `- ms` gives the offset. */
export function wallMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

export function offsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallMs(whole, timeZone) - whole;
}

/** The instant a wall-clock time names in the zone; a time inside a spring-forward gap moves forward by the gap. */
export function instantOf(w: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  let t = asUtc - offsetMs(asUtc, timeZone);
  const corrected = asUtc - offsetMs(t, timeZone);
  if (corrected !== t && wallMs(corrected, timeZone) === asUtc) t = corrected;
  return t;
}

/**
 * Whether this instant repeats a wall-clock time the zone already showed (the second pass through the hour a
 * fall-back transition repeats). Looks back up to three hours, longer than any transition.
 */
export function isRepeatedWallTime(ms: number, timeZone: string): boolean {
  const delta = offsetMs(ms - 3 * 3_600_000, timeZone) - offsetMs(ms, timeZone);
  return delta > 0 && offsetMs(ms - delta, timeZone) === offsetMs(ms, timeZone) + delta;
}
