/**
 * A log-linear histogram (HDR-style) for latency distributions: a value's bucket is its float64 exponent and
 * the top SUB_BITS bits of its mantissa, read straight from the bits, so recording costs no logarithm.
 * Each power of two is split into 128 equal buckets, so a bucket's midpoint is within 1/256 (0.39%) of any
 * value in it; quantiles are also clamped to the smallest and largest value recorded, which are exact. Zero and subnormals
 * share one zero bucket, negatives have buckets of their own. Counts live in a window of buckets that grows
 * to the span of recorded values (at most the float64 range), so memory does not grow with the sample count.
 * Two histograms merge exactly: merging equals recording both sets of samples into one.
 */
const SUB_BITS = 7;
const SUBS = 1 << SUB_BITS;
/** Keys are the 11 exponent bits and the top SUB_BITS mantissa bits of the high 32-bit word. */
const KEY_SHIFT = 20 - SUB_BITS;
/** Keys below this have exponent 0: zero and subnormals. */
const FIRST_NORMAL_KEY = SUBS;
/** The key of infinity (exponent all ones, mantissa 0); NaN is refused before it gets a key. */
const INFINITY_KEY = 0x7ff << SUB_BITS;
const KEY_COUNT = INFINITY_KEY + 1;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high word (sign, exponent, top of the mantissa) in U32: 1 on little-endian machines. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The lower bound of a bucket key, as a positive float64. */
function keyBound(key: number): number {
  U32[HI] = key << KEY_SHIFT;
  U32[LO] = 0;
  return F64[0];
}

/** The value a bucket reports: the middle of [lower bound, next bucket's lower bound). */
function keyMidpoint(key: number): number {
  if (key >= INFINITY_KEY) return Infinity;
  return (keyBound(key) + keyBound(key + 1)) / 2;
}

/** Counts for a contiguous run of bucket keys, grown on demand; tracks the keys touched since the last reset. */
class BucketWindow {
  counts = new Float64Array(0);
  base = 0;
  /** Lowest and highest key with a count (lo > hi when empty). */
  lo = Number.MAX_SAFE_INTEGER;
  hi = -1;

  add(key: number, n: number): void {
    const i = key - this.base;
    if (i < 0 || i >= this.counts.length) {
      this.fit(key);
      this.counts[key - this.base] += n;
    } else {
      this.counts[i] += n;
    }
    if (key < this.lo) this.lo = key;
    if (key > this.hi) this.hi = key;
  }

  /** Grows the window to hold `key`, keeping what it holds, with room to spare on the side it grew. */
  private fit(key: number): void {
    const length = this.counts.length;
    if (length === 0) {
      this.base = Math.max(0, key - SUBS);
      this.counts = new Float64Array(2 * SUBS);
      return;
    }
    const from = key < this.base ? Math.max(0, key - length) : this.base;
    const to = key >= this.base + length ? Math.min(KEY_COUNT, key + 1 + length) : this.base + length;
    const grown = new Float64Array(to - from);
    grown.set(this.counts, this.base - from);
    this.counts = grown;
    this.base = from;
  }

  mergeFrom(other: BucketWindow): void {
    for (let key = other.lo; key <= other.hi; key++) {
      const n = other.counts[key - other.base];
      if (n !== 0) this.add(key, n);
    }
  }

  reset(): void {
    if (this.lo <= this.hi) this.counts.fill(0, this.lo - this.base, this.hi - this.base + 1);
    this.lo = Number.MAX_SAFE_INTEGER;
    this.hi = -1;
  }
}

export class LogHistogram {
  private readonly positive = new BucketWindow();
  /** Negative values by the key of their magnitude. */
  private readonly negative = new BucketWindow();
  private zeros = 0;
  count = 0;
  min = Infinity;
  max = -Infinity;

  record(v: number): void {
    F64[0] = v;
    const high = U32[HI];
    const key = (high & 0x7fffffff) >>> KEY_SHIFT;
    if (key < FIRST_NORMAL_KEY) this.zeros++;
    else if (v !== v) throw new RangeError('LogHistogram.record: NaN is not a value that can be recorded');
    else if (high >>> 31) this.negative.add(key, 1);
    else this.positive.add(key, 1);
    this.count++;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** Adds every sample of `other` to this histogram. */
  merge(other: LogHistogram): void {
    this.positive.mergeFrom(other.positive);
    this.negative.mergeFrom(other.negative);
    this.zeros += other.zeros;
    this.count += other.count;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  reset(): void {
    this.positive.reset();
    this.negative.reset();
    this.zeros = 0;
    this.count = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /** The value at quantile q (0..1): the sample of rank floor(q * (count - 1)), within 0.4%; 0 when empty. */
  valueAtQuantile(q: number): number {
    const out = [0];
    this.valuesAtQuantiles([q], out);
    return out[0];
  }

  /**
   * Writes the values at ascending quantiles `qs` into `out` in one pass over the buckets (period closes ask
   * for p50, p90 and p99 together).
   */
  valuesAtQuantiles(qs: readonly number[], out: number[] | Float64Array): void {
    for (let j = 1; j < qs.length; j++) {
      if (!(qs[j] >= qs[j - 1])) throw new RangeError(`LogHistogram.valuesAtQuantiles: quantiles must be ascending, got ${qs.join(', ')}`);
    }
    for (const q of qs) if (!(q >= 0 && q <= 1)) throw new RangeError(`LogHistogram.valuesAtQuantiles: quantile ${q} is not within 0..1`);
    if (this.count === 0) {
      out.fill(0, 0, qs.length);
      return;
    }
    let j = 0;
    let seen = 0;
    const last = this.count - 1;
    const answer = (value: number) => {
      const clamped = value < this.min ? this.min : value > this.max ? this.max : value;
      for (let rank = Math.floor(qs[j] * last); rank < seen; rank = Math.floor(qs[j] * last)) {
        // The smallest and largest samples are known exactly.
        out[j] = rank === 0 ? this.min : rank === last ? this.max : clamped;
        if (++j === qs.length) return;
      }
    };
    const neg = this.negative;
    for (let key = neg.hi; key >= neg.lo && j < qs.length; key--) {
      const n = neg.counts[key - neg.base];
      if (n === 0) continue;
      seen += n;
      answer(-keyMidpoint(key));
    }
    if (this.zeros > 0 && j < qs.length) {
      seen += this.zeros;
      answer(0);
    }
    const pos = this.positive;
    for (let key = pos.lo; key <= pos.hi && j < qs.length; key++) {
      const n = pos.counts[key - pos.base];
      if (n === 0) continue;
      seen += n;
      answer(keyMidpoint(key));
    }
  }
}
