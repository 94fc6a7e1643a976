import { describe, expect, it } from 'vitest';
import { axisTicks, duration } from './waterfallScale.ts';

describe('journey waterfall scale', () => {
  it('writes times in ms below a second, s below a minute, then min and h', () => {
    expect(duration(0)).toBe('0 ms');
    expect(duration(850.4)).toBe('850 ms');
    expect(duration(1250)).toBe('1.25 s');
    expect(duration(20_000)).toBe('20 s');
    expect(duration(125_000)).toBe('2 min 05 s');
    expect(duration(3_720_000)).toBe('1 h 02 min');
  });

  it('puts axis ticks on round steps covering the span', () => {
    expect(axisTicks(60_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(axisTicks(110)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(axisTicks(0)).toEqual([0]);
  });
});
