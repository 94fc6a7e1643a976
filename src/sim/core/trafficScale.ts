/**
 * The run's traffic multiplier ("what if 5x the traffic?"): a run option that scales every Client's rate,
 * never part of the scenario document. Imported by the UI and the runner's argument parser, so it stays tiny.
 */
export const TRAFFIC_SCALE_MIN = 0.1;
export const TRAFFIC_SCALE_MAX = 100;

/** Throws a message naming the bad value when `scale` is not a multiplier in range. */
export function checkTrafficScale(scale: number): void {
  if (!(scale >= TRAFFIC_SCALE_MIN && scale <= TRAFFIC_SCALE_MAX)) {
    throw new Error(`traffic multiplier: must be ${TRAFFIC_SCALE_MIN}x..${TRAFFIC_SCALE_MAX}x, got ${String(scale)}`);
  }
}
