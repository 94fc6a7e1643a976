/**
 * `new Date(ms).toISOString()` without a Date per call: a sampled execution stamps every history event, and
 * its events mostly fall on one simulated day, whose `YYYY-MM-DDT` prefix is kept.
 */
const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00.000Z: beyond it toISOString writes a six-digit year, left to Date. */
const YEAR_10000_MS = 253_402_300_800_000;

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

let cachedDay = NaN;
let cachedPrefix = '';
// Events of one step often share an instant.
let lastMs = NaN;
let lastText = '';

export function isoTimestamp(epochMs: number): string {
  // Date keeps whole milliseconds, truncated toward zero.
  const ms = Math.trunc(epochMs);
  if (ms === lastMs) return lastText;
  if (!(ms >= 0 && ms < YEAR_10000_MS)) return new Date(ms).toISOString();
  const day = ms - (ms % DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedPrefix = new Date(day).toISOString().slice(0, 11);
  }
  let rest = ms - day;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  lastMs = ms;
  lastText = `${cachedPrefix}${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${THREE_DIGITS[milli]}Z`;
  return lastText;
}
