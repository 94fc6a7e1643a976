import { describe, expect, it } from 'vitest';
import { Random } from '../random.ts';
import { flexibleDelayMs, flexibleWindowProblem } from './flexibleWindow.ts';

describe('FlexibleTimeWindow', () => {
  it('spreads invocations uniformly within the window', () => {
    const random = new Random(42, 'schedule/flexible');
    const window = { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 } as const;
    const n = 20_000;
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const d = flexibleDelayMs(window, random);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(15 * 60_000);
      bins[Math.floor(d / 90_000)]++;
      sum += d;
    }
    expect(sum / n / 450_000).toBeCloseTo(1, 1);
    // Chi-square with 9 degrees of freedom: 21.67 is its 99th percentile.
    const expected = n / 10;
    const chi2 = bins.reduce((acc, b) => acc + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(21.67);
  });
  it('Mode OFF invokes at the scheduled time', () => {
    expect(flexibleDelayMs({ Mode: 'OFF' }, new Random(1, 'x'))).toBe(0);
  });
  it.each([
    [{ Mode: 'FLEXIBLE' }, 'FlexibleTimeWindow.MaximumWindowInMinutes: required with Mode FLEXIBLE (1..1440)'],
    [{ Mode: 'FLEXIBLE', MaximumWindowInMinutes: 1441 }, 'FlexibleTimeWindow.MaximumWindowInMinutes: must be a whole number 1..1440, not 1441'],
    [{ Mode: 'FLEXIBLE', MaximumWindowInMinutes: 0 }, 'FlexibleTimeWindow.MaximumWindowInMinutes: must be a whole number 1..1440, not 0'],
    [{ Mode: 'OFF', MaximumWindowInMinutes: 5 }, 'FlexibleTimeWindow.MaximumWindowInMinutes: only allowed with Mode FLEXIBLE'],
    [{ Mode: 'SOMETIMES' }, 'FlexibleTimeWindow.Mode: must be OFF or FLEXIBLE, not "SOMETIMES"'],
  ])('%j', (w, message) => {
    expect(flexibleWindowProblem(w as never)).toBe(message);
  });
  it('accepts the valid forms', () => {
    expect(flexibleWindowProblem({ Mode: 'OFF' })).toBeNull();
    expect(flexibleWindowProblem({ Mode: 'FLEXIBLE', MaximumWindowInMinutes: 1440 })).toBeNull();
  });
});
