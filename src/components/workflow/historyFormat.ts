import type { SampledEvent } from '../../sim/core/sampledRun.ts';

/** Simulated milliseconds as the history table shows them: "12.345 s", "1 h 02 min 03.5 s". */
export function simTime(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(3)} s`;
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  const rest = (s % 60).toFixed(1).padStart(4, '0');
  return h > 0 ? `${h} h ${String(min).padStart(2, '0')} min ${rest} s` : `${min} min ${rest} s`;
}

/** How a history row is coloured: failures red, retries amber, successes green. */
export function eventTone(e: SampledEvent): 'failed' | 'retry' | 'succeeded' | 'plain' {
  if (/retry \d+ in /.test(e.detail ?? '')) return 'retry';
  if (/(Failed|TimedOut|Aborted)$/.test(e.type)) return 'failed';
  if (/Succeeded$/.test(e.type)) return 'succeeded';
  return 'plain';
}
