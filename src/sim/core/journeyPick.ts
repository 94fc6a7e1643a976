import type { Journey } from './journey.ts';

/** Which sampled request to show: any (the first), the first that failed, or the slowest end to end. */
export type JourneyPick = 'request' | 'failed' | 'slowest';

/**
 * The index of the journey a pick names, or -1 when none fits (no journeys, or none failed). "The slowest" is
 * the highest end-to-end latency (last hop's end minus the request's start) among the traced ones; ties go to
 * the earlier, so the same run always gives the same journey.
 */
export function pickJourney(journeys: readonly Journey[], pick: JourneyPick): number {
  if (journeys.length === 0) return -1;
  if (pick === 'request') return 0;
  if (pick === 'failed') return journeys.findIndex((j) => j.failure !== undefined);
  let best = 0;
  for (let i = 1; i < journeys.length; i++) if (latency(journeys[i]) > latency(journeys[best])) best = i;
  return best;
}

export function latency(j: Journey): number {
  return j.endMs - j.startMs;
}
