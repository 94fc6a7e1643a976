import { describe, expect, it } from 'vitest';
import { trafficLabel, trafficOptions, TRAFFIC_SCALES } from './trafficScales.ts';

describe('traffic multiplier presets', () => {
  it('offers 0.1x to 100x, labelled with a times sign', () => {
    expect(TRAFFIC_SCALES.map(trafficLabel)).toEqual(['0.1×', '0.5×', '1×', '2×', '5×', '10×', '100×']);
    expect(trafficLabel(2.345)).toBe('2.35×');
  });

  it('adds a current value that is not a preset, in order, and never one out of range', () => {
    expect(trafficOptions(5)).toEqual(TRAFFIC_SCALES);
    expect(trafficOptions(3)).toEqual([0.1, 0.5, 1, 2, 3, 5, 10, 100]);
    expect(trafficOptions(500)).toEqual(TRAFFIC_SCALES);
  });
});
