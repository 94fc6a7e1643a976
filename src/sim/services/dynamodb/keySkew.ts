import { partitionOfKey } from '../../core/keyHash.ts';
import type { Random } from '../../core/random.ts';

/**
 * Which partition a request lands on (docs/aws-behaviour.md "DynamoDB: partitions": items are spread by a
 * hash of the partition key). A request that carries a key (Message.key >= 0) goes to hash(key) mod N; one
 * without draws a key from the table's skew setting. Only the partition matters to the model, so the skew is
 * folded once into a per-partition probability table and the hot path is one draw and a binary search.
 */
export interface KeySkew {
  /** uniform: every key alike; zipf: key k (1-based) has weight 1/k^s; hotKey: one key takes a share. */
  distribution: 'uniform' | 'zipf' | 'hotKey';
  /** Distinct partition keys in use. */
  keys: number;
  zipfExponent: number;
  /** hotKey: the share of requests that go to key 0; the rest spread evenly over all keys. */
  hotKeyShare: number;
}

export { hashKey, partitionOfKey } from '../../core/keyHash.ts';

/** The weight of key k (0-based) before normalisation. */
function keyWeight(skew: KeySkew, k: number): number {
  if (skew.distribution === 'zipf') return 1 / Math.pow(k + 1, skew.zipfExponent);
  if (skew.distribution === 'hotKey') return (k === 0 ? skew.hotKeyShare : 0) + (1 - skew.hotKeyShare) / skew.keys;
  return 1;
}

/** The share of requests each partition receives under a skew (sums to 1). */
export function partitionShares(skew: KeySkew, partitions: number): Float64Array {
  const shares = new Float64Array(partitions);
  let total = 0;
  for (let k = 0; k < skew.keys; k++) {
    const w = keyWeight(skew, k);
    shares[partitionOfKey(k, partitions)] += w;
    total += w;
  }
  for (let p = 0; p < partitions; p++) shares[p] /= total;
  return shares;
}

export class PartitionPicker {
  private cdf: Float64Array;

  constructor(skew: KeySkew, readonly partitions: number) {
    const shares = partitionShares(skew, partitions);
    this.cdf = new Float64Array(partitions);
    let c = 0;
    for (let p = 0; p < partitions; p++) this.cdf[p] = c += shares[p];
    this.cdf[partitions - 1] = 1;
  }

  pick(rng: Random): number {
    const cdf = this.cdf;
    const u = rng.next();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < cdf[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
