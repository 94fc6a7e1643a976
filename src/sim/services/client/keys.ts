import type { Random } from '../../core/random.ts';
import type { ClientBehaviour } from './spec.ts';

/**
 * Draws the partition key / message group of each request (Message.key): -1 (none), uniform over
 * 0..count-1, or Zipf (key k with weight 1/(k+1)^s), so DynamoDB hot partitions and SQS FIFO groups can
 * use it. Zipf inverts a precomputed CDF by binary search: O(log count), no allocation.
 */
export class KeySampler {
  private readonly mode: 0 | 1 | 2;
  private readonly count: number;
  private readonly cdf: Float64Array | null = null;

  constructor(
    spec: ClientBehaviour['keys'],
    private readonly rng: Random,
  ) {
    this.count = spec.count;
    this.mode = spec.distribution === 'none' ? 0 : spec.distribution === 'uniform' ? 1 : 2;
    if (this.mode === 2) {
      const cdf = new Float64Array(spec.count);
      let total = 0;
      for (let k = 0; k < spec.count; k++) cdf[k] = total += 1 / Math.pow(k + 1, spec.exponent);
      for (let k = 0; k < spec.count; k++) cdf[k] /= total;
      this.cdf = cdf;
    }
  }

  next(): number {
    if (this.mode === 0) return -1;
    if (this.mode === 1) return this.rng.int(this.count);
    const cdf = this.cdf as Float64Array;
    const u = this.rng.next();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
