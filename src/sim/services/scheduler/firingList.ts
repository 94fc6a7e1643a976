import { nextFirings } from '../../core/schedule/firings.ts';
import { wallClock } from '../../core/schedule/timeZone.ts';
import { startTimeMs } from '../../settings.ts';
import { scheduleProperties } from './spec.ts';

/**
 * The schedule's first firings from the simulation's start, for the inspector (loaded lazily: it brings croner).
 * Each line gives the wall-clock time in the schedule's time zone, UTC when that differs, and the simulated time.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number) => String(n).padStart(2, '0');

function wall(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const day = DAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
  return `${day} ${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`;
}

function simulated(ms: number): string {
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${d > 0 ? `${d} d ` : ''}${h} h ${two(m)} min`;
}

export function firingList(properties: Record<string, unknown>, settings: Record<string, unknown>, count = 5): { title: string; lines: string[] } | null {
  const parsed = scheduleProperties.safeParse(properties);
  if (!parsed.success) return null;
  const p = parsed.data;
  const start = startTimeMs(settings);
  const tz = p.ScheduleExpressionTimezone;
  const times = nextFirings(p.ScheduleExpression, tz, start, count);
  const window = p.FlexibleTimeWindow.Mode === 'FLEXIBLE' ? `, each within ${p.FlexibleTimeWindow.MaximumWindowInMinutes} min after` : '';
  const lines = times.map((t) => `${wall(t, tz)}${tz === 'UTC' ? ' UTC' : ` ${tz} (${wall(t, 'UTC').slice(-5)} UTC)`} · at ${simulated(t - start)}`);
  if (p.State === 'DISABLED') return { title: 'Disabled: the schedule does not run', lines: [] };
  return { title: times.length === 0 ? 'No firing after the simulation start' : `Next firings from the simulation start${window}`, lines };
}
