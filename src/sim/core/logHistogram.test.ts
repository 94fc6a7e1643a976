import { describe, expect, it } from 'vitest';
import { compileDuration, type DurationSpec } from './distributions.ts';
import { LogHistogram } from './logHistogram.ts';
import { Random } from './random.ts';

const QUANTILES = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];
/** Half a bucket of 1/128 of a power of two, relative to the bucket's lower bound. */
const BOUND = 1 / 256;

/** The sample of rank floor(q * (n - 1)) in sorted order: the quantile the histogram approximates. */
function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

function expectWithinBound(h: LogHistogram, samples: number[], label: string): void {
  const sorted = Float64Array.from(samples).sort();
  for (const q of QUANTILES) {
    const exact = exactQuantile(sorted, q);
    const got = h.valueAtQuantile(q);
    const error = exact === 0 ? Math.abs(got) : Math.abs(got - exact) / Math.abs(exact);
    expect(error, `${label}: q=${q} exact ${exact} got ${got}`).toBeLessThanOrEqual(BOUND);
  }
}

function draw(spec: DurationSpec, n: number, seed = 1): number[] {
  const sample = compileDuration(spec);
  const rng = new Random(seed, JSON.stringify(spec));
  return Array.from({ length: n }, () => sample(rng));
}

describe('LogHistogram', () => {
  const distributions: [string, DurationSpec][] = [
    ['uniform 0..1000 ms', { distribution: 'uniform', minMs: 0, maxMs: 1000 }],
    ['lognormal median 80, p99 400', { distribution: 'lognormal', medianMs: 80, p99Ms: 400 }],
    ['lognormal median 5, p99 50,000 (wide)', { distribution: 'lognormal', medianMs: 5, p99Ms: 50_000 }],
    ['exponential mean 80', { distribution: 'exponential', meanMs: 80 }],
    ['exponential mean 0.001 (tiny)', { distribution: 'exponential', meanMs: 0.001 }],
    ['uniform 1e9..2e9 (huge)', { distribution: 'uniform', minMs: 1e9, maxMs: 2e9 }],
  ];

  it.each(distributions)('answers every quantile of %s within 1/256 (0.39%%) of the exact one', (label, spec) => {
    const samples = draw(spec, 50_000);
    const h = new LogHistogram();
    for (const v of samples) h.record(v);
    expect(h.count).toBe(samples.length);
    expectWithinBound(h, samples, label);
  });

  it('answers a constant exactly and zeros as 0', () => {
    const h = new LogHistogram();
    for (let i = 0; i < 1000; i++) h.record(80);
    for (const q of QUANTILES) expect(h.valueAtQuantile(q)).toBe(80);
    const zeros = new LogHistogram();
    for (let i = 0; i < 10; i++) zeros.record(0);
    expect(zeros.valueAtQuantile(0.5)).toBe(0);
    expect(zeros.valueAtQuantile(1)).toBe(0);
  });

  it('orders negatives, zero, subnormals and positives, each within the bound', () => {
    const samples = [...draw({ distribution: 'uniform', minMs: -500, maxMs: 500 }, 20_000), 0, -0, 0, 5e-324, -5e-324];
    const h = new LogHistogram();
    for (const v of samples) h.record(v);
    expectWithinBound(h, samples, 'uniform -500..500 with zeros');
    expect(h.valueAtQuantile(0)).toBe(Math.min(...samples));
    expect(h.valueAtQuantile(1)).toBe(Math.max(...samples));
  });

  it('keeps infinity at the top without spoiling the other quantiles', () => {
    const h = new LogHistogram();
    for (let i = 1; i <= 99; i++) h.record(i);
    h.record(Infinity);
    expect(h.valueAtQuantile(1)).toBe(Infinity);
    expect(Math.abs(h.valueAtQuantile(0.5) - 50) / 50).toBeLessThanOrEqual(BOUND);
  });

  it('refuses NaN and quantiles outside 0..1 or out of order, saying what was wrong', () => {
    const h = new LogHistogram();
    expect(() => h.record(NaN)).toThrow(/NaN/);
    expect(h.count).toBe(0);
    h.record(1);
    expect(() => h.valueAtQuantile(1.5)).toThrow(/quantile 1.5 is not within 0..1/);
    expect(() => h.valuesAtQuantiles([0.9, 0.5], [0, 0])).toThrow(/ascending/);
  });

  it('counts zero, subnormals and infinity apart and refuses NaN when its window spans the whole float range', () => {
    // The smallest and largest normal values stretch the window over the zero and infinity octaves, so the
    // values that need their own handling fall inside it.
    const h = new LogHistogram();
    const samples = [2.3e-308, 1.7e308, 1, 80, 0, 5e-324, 1e-310, Infinity, 2.3e-308];
    for (const v of samples) h.record(v);
    expect(() => h.record(NaN)).toThrow(/NaN/);
    expect(() => h.record(-NaN)).toThrow(/NaN/);
    expect(h.count).toBe(samples.length);
    expect(h.valueAtQuantile(0)).toBe(0);
    expect(h.valueAtQuantile(1)).toBe(Infinity);
    // Sorted: 0, 5e-324, 1e-310, 2.3e-308, 2.3e-308, 1, 80, 1.7e308, Infinity; ranks 1 and 2 are subnormals (zero bucket).
    const out = new Float64Array(4);
    h.valuesAtQuantiles([1 / 8, 2 / 8, 3 / 8, 5 / 8], out);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(0);
    expect(Math.abs(out[2] - 2.3e-308) / 2.3e-308).toBeLessThanOrEqual(BOUND);
    expect(Math.abs(out[3] - 1)).toBeLessThanOrEqual(BOUND);
  });

  it('answers 0 for every quantile when empty', () => {
    const out = [7, 7, 7];
    new LogHistogram().valuesAtQuantiles([0.5, 0.9, 0.99], out);
    expect(out).toEqual([0, 0, 0]);
  });

  it('answers several quantiles in one pass exactly as one at a time', () => {
    const h = new LogHistogram();
    for (const v of draw({ distribution: 'lognormal', medianMs: 80, p99Ms: 400 }, 10_000)) h.record(v);
    const out = new Float64Array(3);
    h.valuesAtQuantiles([0.5, 0.9, 0.99], out);
    expect([...out]).toEqual([h.valueAtQuantile(0.5), h.valueAtQuantile(0.9), h.valueAtQuantile(0.99)]);
  });

  it('merges into exactly what recording every sample in one histogram gives', () => {
    const a = draw({ distribution: 'lognormal', medianMs: 80, p99Ms: 400 }, 5_000, 1);
    const b = [...draw({ distribution: 'exponential', meanMs: 2_000 }, 5_000, 2), 0, -3];
    const c = [0.001, 1e6, -1e6]; // beyond both ends of what `left` holds so far
    const all = new LogHistogram();
    const left = new LogHistogram();
    const right = new LogHistogram();
    const wide = new LogHistogram();
    for (const v of a) {
      all.record(v);
      left.record(v);
    }
    for (const v of b) {
      all.record(v);
      right.record(v);
    }
    for (const v of c) {
      all.record(v);
      wide.record(v);
    }
    left.merge(right);
    left.merge(wide);
    expect(left.count).toBe(all.count);
    expect([left.min, left.max]).toEqual([all.min, all.max]);
    for (const q of QUANTILES) expect(left.valueAtQuantile(q), `q=${q}`).toBe(all.valueAtQuantile(q));
    expectWithinBound(left, [...a, ...b, ...c], 'merged');
  });

  it('merges with an empty histogram either way round without change', () => {
    const samples = draw({ distribution: 'exponential', meanMs: 80 }, 2_000);
    const full = new LogHistogram();
    for (const v of samples) full.record(v);
    const before = QUANTILES.map((q) => full.valueAtQuantile(q));
    full.merge(new LogHistogram());
    expect(QUANTILES.map((q) => full.valueAtQuantile(q))).toEqual(before);
    const empty = new LogHistogram();
    empty.merge(full);
    expect(QUANTILES.map((q) => empty.valueAtQuantile(q))).toEqual(before);
  });

  it('as a period histogram merged into a total and reset, sparse or dense, matches recording each set alone', () => {
    const total = new LogHistogram();
    const all = new LogHistogram();
    const period = new LogHistogram();
    // Periods of 3 to 3,000 samples: a few counted keys in a wide range (merged and reset key by key) and many.
    for (const [i, n] of [3, 40, 3_000, 7, 400, 1, 2_000, 25].entries()) {
      const samples = draw({ distribution: 'lognormal', medianMs: 40, p99Ms: 2_000 }, n, i + 10);
      const alone = new LogHistogram();
      for (const v of samples) {
        period.record(v);
        alone.record(v);
        all.record(v);
      }
      for (const q of QUANTILES) expect(period.valueAtQuantile(q), `period ${i} q=${q}`).toBe(alone.valueAtQuantile(q));
      total.merge(period);
      period.reset();
      for (const q of QUANTILES) expect(total.valueAtQuantile(q), `total after ${i} q=${q}`).toBe(all.valueAtQuantile(q));
    }
    expect(total.count).toBe(all.count);
  });

  it('forgets everything on reset and records afresh, in a window wide enough for both', () => {
    const h = new LogHistogram();
    for (const v of draw({ distribution: 'uniform', minMs: 1e6, maxMs: 2e6 }, 1000)) h.record(v);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.valueAtQuantile(0.5)).toBe(0);
    const fresh = draw({ distribution: 'uniform', minMs: 0.5, maxMs: 3 }, 1000);
    for (const v of fresh) h.record(v);
    expect(h.count).toBe(1000);
    expectWithinBound(h, fresh, 'after reset');
  });
});
