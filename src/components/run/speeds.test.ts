import { describe, expect, it } from 'vitest';
import { formatDuration, formatSimTime, parseSpeedKey, SPEEDS, speedKey } from './speeds.ts';

describe('run control formatting', () => {
  it('round-trips every offered speed through its select key, Infinity as "max"', () => {
    for (const s of SPEEDS) expect(parseSpeedKey(speedKey(s.value))).toBe(s.value);
    expect(speedKey(Infinity)).toBe('max');
  });

  it('formats the simulated clock and the run length', () => {
    expect(formatSimTime(12.34)).toBe('12.3 s');
    expect(formatSimTime(245)).toBe('4 min 05 s');
    expect(formatSimTime(7380)).toBe('2 h 03 min');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(45)).toBe('45 s');
  });
});
