import { describe, expect, it } from 'vitest';
import { describeDuration, probabilityAbove } from './serviceTime.ts';

describe('probabilityAbove: the share of durations a Timeout would cut', () => {
  it('follows each distribution', () => {
    expect(probabilityAbove({ distribution: 'exponential', meanMs: 100 }, 100)).toBeCloseTo(Math.exp(-1), 12);
    expect(probabilityAbove({ distribution: 'constant', valueMs: 100 }, 99)).toBe(1);
    expect(probabilityAbove({ distribution: 'constant', valueMs: 100 }, 100)).toBe(0);
    expect(probabilityAbove({ distribution: 'uniform', minMs: 0, maxMs: 200 }, 150)).toBeCloseTo(0.25, 12);
    expect(probabilityAbove({ distribution: 'normal', meanMs: 100, stdDevMs: 10 }, 100)).toBeCloseTo(0.5, 6);
    expect(probabilityAbove({ distribution: 'normal', meanMs: 100, stdDevMs: 10 }, 119.6)).toBeCloseTo(0.025, 4);
    // A lognormal's p99 is exceeded by 1%, its median by half.
    expect(probabilityAbove({ distribution: 'lognormal', medianMs: 50, p99Ms: 200 }, 200)).toBeCloseTo(0.01, 6);
    expect(probabilityAbove({ distribution: 'lognormal', medianMs: 50, p99Ms: 200 }, 50)).toBeCloseTo(0.5, 6);
  });

  it('describes a duration in words, scaled', () => {
    expect(describeDuration({ distribution: 'exponential', meanMs: 100 })).toBe('exponential, mean 100 ms');
    expect(describeDuration({ distribution: 'constant', valueMs: 100 }, 0.5)).toBe('constant 50 ms');
    expect(describeDuration({ distribution: 'lognormal', medianMs: 50, p99Ms: 200 })).toBe('lognormal, median 50 ms, p99 200 ms (mean 60 ms)');
  });
});
