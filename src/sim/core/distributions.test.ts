import { describe, expect, it } from 'vitest';
import { compileDuration, meanOf, type DurationSpec } from './distributions.ts';
import { Random } from './random.ts';

function sample(spec: DurationSpec, n = 100_000): number[] {
  const rng = new Random(3, 'dist');
  const f = compileDuration(spec);
  return Array.from({ length: n }, () => f(rng)).sort((a, b) => a - b);
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const quantile = (xs: number[], q: number) => xs[Math.floor(q * (xs.length - 1))];

describe('duration distributions', () => {
  it('constant, uniform and exponential have their stated means', () => {
    expect(sample({ distribution: 'constant', valueMs: 12 }, 10)).toEqual(Array(10).fill(12));
    const u = sample({ distribution: 'uniform', minMs: 10, maxMs: 30 });
    expect(u[0]).toBeGreaterThanOrEqual(10);
    expect(u[u.length - 1]).toBeLessThanOrEqual(30);
    expect(mean(u)).toBeCloseTo(20, 0);
    expect(mean(sample({ distribution: 'exponential', meanMs: 80 }))).toBeCloseTo(80, -0.5);
  });

  it('lognormal hits its median and p99', () => {
    const xs = sample({ distribution: 'lognormal', medianMs: 80, p99Ms: 400 });
    expect(quantile(xs, 0.5) / 80).toBeCloseTo(1, 1);
    expect(quantile(xs, 0.99) / 400).toBeCloseTo(1, 1);
    expect(mean(xs) / meanOf({ distribution: 'lognormal', medianMs: 80, p99Ms: 400 })).toBeCloseTo(1, 1);
  });

  it('normal is truncated at 0', () => {
    const xs = sample({ distribution: 'normal', meanMs: 10, stdDevMs: 20 });
    expect(xs[0]).toBeGreaterThanOrEqual(0);
    const ys = sample({ distribution: 'normal', meanMs: 100, stdDevMs: 10 });
    expect(mean(ys)).toBeCloseTo(100, 0);
    expect(quantile(ys, 0.8413)).toBeCloseTo(110, -0.5);
  });
});
