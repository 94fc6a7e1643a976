import { compileSchedule, type Schedule, type ScheduleService } from './expression.ts';
import { isRepeatedWallTime, wallClock } from './timeZone.ts';

/**
 * Firing times of a compiled schedule, in epoch ms (subtract the simulation's start date for simulated time).
 *
 * Daylight saving time follows EventBridge Scheduler's rule: "When the time shifts forward in Spring, your
 * schedule invocation gets skipped if the cron expression falls on a non-existent date and time. When the time
 * shifts back in the Fall, your schedule runs only once." croner moves a fixed time out of a gap and repeats
 * interval jobs through a repeated hour, so both are filtered here. rate() is a fixed duration, unaffected.
 */

/** How many croner results in a row may be filtered out (a per-minute cron skips 60 in a repeated hour). */
const MAX_SKIPPED = 10_000;

/** The first firing strictly after `afterMs`, or null when there is none (an at() in the past, a cron that ended). */
export function nextFiring(schedule: Schedule, afterMs: number): number | null {
  switch (schedule.kind) {
    case 'at':
      return schedule.atMs > afterMs ? schedule.atMs : null;
    case 'rate': {
      const { firstMs, periodMs } = schedule;
      if (afterMs < firstMs) return firstMs;
      return firstMs + (Math.floor((afterMs - firstMs) / periodMs) + 1) * periodMs;
    }
    case 'cron': {
      const { cron, fields, timezone } = schedule;
      let from = afterMs;
      for (let i = 0; i < MAX_SKIPPED; i++) {
        const next = cron.nextRun(new Date(from));
        if (next === null) return null;
        const t = next.getTime();
        if (timezone === 'UTC') return t;
        const w = wallClock(t, timezone);
        if (fields.minutes.has(w.minute) && fields.hours.has(w.hour) && !isRepeatedWallTime(t, timezone)) return t;
        from = t;
      }
      return null;
    }
  }
}

/** Every firing in (fromMs, untilMs], lazily. */
export function* firingsBetween(schedule: Schedule, fromMs: number, untilMs: number): Generator<number> {
  let t = nextFiring(schedule, fromMs);
  while (t !== null && t <= untilMs) {
    yield t;
    t = nextFiring(schedule, t);
  }
}

/**
 * The next `count` firings of an expression after `afterMs` (fewer if it ends): for inspectors showing the
 * next firing times. A rate() is anchored at `afterMs`.
 */
export function nextFirings(expression: string, timezone: string | undefined, afterMs: number, count: number, service: ScheduleService = 'scheduler'): number[] {
  const schedule = compileSchedule(expression, { service, timezone, startMs: afterMs });
  const out: number[] = [];
  let t = nextFiring(schedule, afterMs - (schedule.kind === 'rate' ? 1 : 0));
  while (t !== null && out.length < count) {
    out.push(t);
    t = nextFiring(schedule, t);
  }
  return out;
}
