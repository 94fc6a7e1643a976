import type { HopKind } from '../../sim/core/journey.ts';

/** A duration or an offset on the simulated clock: "0 ms", "850 ms", "1.25 s", "2 min 05 s", "1 h 02 min". */
export function duration(ms: number): string {
  if (ms < 1) return ms <= 0 ? '0 ms' : `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(ms < 10_000 ? 2 : 1))} s`;
  const totalS = Math.round(ms / 1000);
  const h = Math.floor(totalS / 3600);
  const min = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  if (h > 0) return `${h} h ${String(min).padStart(2, '0')} min`;
  return `${min} min ${String(s).padStart(2, '0')} s`;
}

/** Round steps for the time axis: 1, 2 or 5 times a power of ten ms, so ticks read 0, 20 s, 40 s, ... */
export function axisTicks(spanMs: number, most = 6): number[] {
  if (!(spanMs > 0)) return [0];
  const raw = spanMs / most;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let t = 0; t <= spanMs + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** What each kind of hop means, in the legend's order. */
export const HOP_KINDS: readonly { kind: HopKind; label: string }[] = [
  { kind: 'span', label: 'Call or state, until it ends' },
  { kind: 'wait', label: 'Waiting' },
  { kind: 'init', label: 'Cold start (Init)' },
  { kind: 'work', label: 'Work' },
  { kind: 'retry', label: 'Retry delay' },
  { kind: 'throttle', label: 'Throttled' },
  { kind: 'deadLetter', label: 'Dead-letter / dropped' },
  { kind: 'event', label: 'Event (send, receive, delete)' },
];

/** Fill classes per kind: distinct hues, readable on a projector in both themes. */
export const HOP_FILL: Record<HopKind, string> = {
  span: 'border-2 border-slate-500 bg-slate-200/60 dark:border-slate-300 dark:bg-slate-600/40',
  wait: 'bg-amber-400 dark:bg-amber-500',
  init: 'bg-violet-500 dark:bg-violet-400',
  work: 'bg-sky-600 dark:bg-sky-500',
  retry: 'bg-[repeating-linear-gradient(135deg,#fb923c_0_6px,#fed7aa_6px_12px)]',
  throttle: 'bg-red-600',
  deadLetter: 'bg-fuchsia-700 dark:bg-fuchsia-500',
  event: 'bg-slate-500 dark:bg-slate-300',
};
