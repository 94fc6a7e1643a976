import { partitionOfKey } from '../../core/keyHash.ts';
import type { Random } from '../../core/random.ts';

/**
 * Which partition a request lands on (docs/aws-behaviour.md "DynamoDB: partitions": items are spread by a
 * hash of the partition key). A request that carries a key (Message.key >= 0) goes to hash(key) mod N; one
 * without draws a key from the table's skew setting. Only the partition matters to the model, so the skew is
 * folded once into a per-partition probability table and the hot path is one draw and a guide-table lookup
 * (PartitionPicker).
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

/** Guide cells per partition: a pick starts from its cell's first candidate and rarely steps more than once. */
const GUIDE_CELLS_PER_PARTITION = 4;

/**
 * Inverse-CDF lookup of a partition with a guide table (Chen and Asau's indexed search): the partition a
 * binary search over the CDF would return, in one or two comparisons instead of log2(partitions).
 */
export class PartitionPicker {
  private readonly cdf: Float64Array;
  /** guide[j]: the first partition whose CDF passes j / cells. */
  private readonly guide: Int32Array;

  constructor(skew: KeySkew, readonly partitions: number) {
    const shares = partitionShares(skew, partitions);
    const cdf = new Float64Array(partitions);
    let c = 0;
    for (let p = 0; p < partitions; p++) cdf[p] = c += shares[p];
    cdf[partitions - 1] = 1;
    this.cdf = cdf;
    const cells = partitions * GUIDE_CELLS_PER_PARTITION;
    this.guide = new Int32Array(cells);
    let p = 0;
    for (let j = 0; j < cells; j++) {
      while (cdf[p] <= j / cells) p++;
      this.guide[j] = p;
    }
  }

  pick(rng: Random): number {
    const cdf = this.cdf;
    const u = rng.next();
    let p = this.guide[Math.floor(u * this.guide.length)];
    // The cell's start is exact up to rounding of u x cells; step back over a boundary rounding put it past.
    while (p > 0 && u < cdf[p - 1]) p--;
    while (u >= cdf[p]) p++;
    return p;
  }
}
