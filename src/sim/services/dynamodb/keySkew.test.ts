import { describe, expect, it } from 'vitest';
import { Random } from '../../core/random.ts';
import { PartitionPicker, partitionShares, type KeySkew } from './keySkew.ts';

/** The partition a binary search over the CDF returns for u: the first whose cumulative share passes u. */
function byBinarySearch(cdf: number[], u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cdf[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const skews: KeySkew[] = [
  { distribution: 'uniform', keys: 100_000, zipfExponent: 1, hotKeyShare: 0 },
  { distribution: 'zipf', keys: 10_000, zipfExponent: 1.2, hotKeyShare: 0 },
  { distribution: 'hotKey', keys: 1000, zipfExponent: 1, hotKeyShare: 0.6 },
  // Fewer keys than partitions: some partitions get no share at all.
  { distribution: 'uniform', keys: 3, zipfExponent: 1, hotKeyShare: 0 },
];

describe('PartitionPicker', () => {
  it.each(skews.flatMap((skew) => [1, 2, 7, 40].map((n) => [skew, n] as const)))('picks what a binary search over the CDF picks (%o, %i partitions)', (skew, partitions) => {
    const shares = partitionShares(skew, partitions);
    const cdf: number[] = [];
    let c = 0;
    for (const s of shares) cdf.push((c += s));
    cdf[partitions - 1] = 1;
    const picker = new PartitionPicker(skew, partitions);
    const a = new Random(5, 'picker');
    const b = new Random(5, 'picker');
    const counts = new Array<number>(partitions).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const p = picker.pick(a);
      expect(p).toBe(byBinarySearch(cdf, b.next()));
      counts[p]++;
    }
    // Boundaries themselves, where rounding of u x cells matters most.
    for (const u of [0, ...cdf.slice(0, -1), ...cdf.slice(0, -1).map((x) => x - Number.EPSILON), 1 - Number.EPSILON / 2]) {
      if (u < 0 || u >= 1) continue;
      expect(picker.pick({ next: () => u } as Random)).toBe(byBinarySearch(cdf, u));
    }
    shares.forEach((share, p) => {
      if (share === 0) expect(counts[p]).toBe(0);
    });
  });
});
