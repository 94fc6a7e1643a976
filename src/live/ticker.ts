import { live } from './liveData.ts';

/** How often canvas figures and edge rates refresh (ms): at most ~4 re-renders a second. */
export const TICK_MS = 250;

/**
 * A shared 4 Hz clock for the canvas hooks: it advances only when live data changed since the last tick,
 * and runs only while some component listens.
 */
let tick = 0;
let seen = -1;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function onInterval(): void {
  if (live.version === seen) return;
  seen = live.version;
  tick++;
  for (const l of listeners) l();
}

export function subscribeTick(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) timer = setInterval(onInterval, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * Ticks at once (when the data changed): a run that pauses or finishes shows its final figures with its status,
 * not up to a tick later.
 */
export function tickNow(): void {
  if (listeners.size > 0) onInterval();
}

export function currentTick(): number {
  return tick;
}
