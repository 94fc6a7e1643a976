import { TRAFFIC_SCALE_MAX, TRAFFIC_SCALE_MIN } from '../../sim/core/trafficScale.ts';

/** The traffic multipliers offered in the run controls (the engine takes any value in its range). */
export const TRAFFIC_SCALES: readonly number[] = [0.1, 0.5, 1, 2, 5, 10, 100];

/** "5×", "0.5×": how a multiplier is shown. */
export function trafficLabel(scale: number): string {
  return `${scale.toLocaleString('en-US', { maximumFractionDigits: 2 })}×`;
}

/** The offered multipliers, plus `current` where it is none of them, in order. */
export function trafficOptions(current: number): number[] {
  if (TRAFFIC_SCALES.includes(current) || !(current >= TRAFFIC_SCALE_MIN && current <= TRAFFIC_SCALE_MAX)) return [...TRAFFIC_SCALES];
  return [...TRAFFIC_SCALES, current].sort((a, b) => a - b);
}
