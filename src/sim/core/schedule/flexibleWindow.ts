import type { Random } from '../random.ts';

/**
 * EventBridge Scheduler's FlexibleTimeWindow ("EventBridge Scheduler" row of ../shared/docs/aws-behaviour.md):
 * Mode OFF, or FLEXIBLE with MaximumWindowInMinutes 1..1,440; the invocation lands at a random time within the
 * window after the scheduled time, drawn uniformly here.
 */
export interface FlexibleTimeWindow {
  readonly Mode: 'OFF' | 'FLEXIBLE';
  readonly MaximumWindowInMinutes?: number;
}

/** Validates a window; returns the problem as a message (naming the property), or null when it is valid. */
export function flexibleWindowProblem(w: FlexibleTimeWindow): string | null {
  if (w.Mode !== 'OFF' && w.Mode !== 'FLEXIBLE') return `FlexibleTimeWindow.Mode: must be OFF or FLEXIBLE, not ${JSON.stringify(w.Mode)}`;
  const m = w.MaximumWindowInMinutes;
  if (w.Mode === 'OFF')
    return m === undefined ? null : 'FlexibleTimeWindow.MaximumWindowInMinutes: only allowed with Mode FLEXIBLE';
  if (m === undefined) return 'FlexibleTimeWindow.MaximumWindowInMinutes: required with Mode FLEXIBLE (1..1440)';
  if (!Number.isInteger(m) || m < 1 || m > 1440) return `FlexibleTimeWindow.MaximumWindowInMinutes: must be a whole number 1..1440, not ${m}`;
  return null;
}

/** How long after its scheduled time an invocation starts, in ms: 0 with Mode OFF, else uniform in [0, window). */
export function flexibleDelayMs(w: FlexibleTimeWindow, random: Random): number {
  if (w.Mode === 'OFF' || w.MaximumWindowInMinutes === undefined) return 0;
  return random.next() * w.MaximumWindowInMinutes * 60_000;
}
