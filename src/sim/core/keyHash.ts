/** A 32-bit integer mix (the murmur3 finalizer): neighbouring keys land on unrelated partitions or shards. */
export function hashKey(key: number): number {
  let h = (key | 0) ^ Math.floor(key / 4294967296);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Which of `n` partitions (shards, lanes) a key lands on. */
export function partitionOfKey(key: number, n: number): number {
  return hashKey(key) % n;
}
