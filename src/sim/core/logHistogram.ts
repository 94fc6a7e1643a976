/**
 * A log-linear histogram (HDR-style) for latency distributions: a value's bucket is its float64 exponent and
 * the top SUB_BITS bits of its mantissa, read straight from the bits, so recording costs no logarithm.
 * Each power of two is split into 128 equal buckets, so a bucket's midpoint is within 1/256 (0.39%) of any
 * value in it; quantiles are also clamped to the smallest and largest value recorded, which are exact. Zero
 * and subnormals share one zero bucket, negatives have buckets of their own. Counts live in a window of whole
 * octaves that grows to the span of recorded values, so memory does not grow with the sample count (1 KB an
 * octave; at most the float64 range, 2 MB). Merging equals recording both sets of samples into one.
 */
const SUB_BITS = 7;
const SUBS = 1 << SUB_BITS;
/** Keys are the 11 exponent bits and the top SUB_BITS mantissa bits of the high 32-bit word. */
const KEY_SHIFT = 20 - SUB_BITS;
/** Keys below this have exponent 0: zero and subnormals. */
const FIRST_NORMAL_KEY = SUBS;
/** The key of infinity (exponent all ones, mantissa 0); NaN is refused before it gets a key. */
const INFINITY_KEY = 0x7ff << SUB_BITS;
/** Octaves of keys, up to and including the one infinity starts. */
const OCTAVE_COUNT = (INFINITY_KEY >> SUB_BITS) + 1;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high word (sign, exponent, top of the mantissa) in U32: 1 on little-endian machines. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** Keys a window lists as counted since its last reset before it gives the list up (4 KB of keys). */
const TOUCHED_MAX = 1024;

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

/** Counts for a contiguous run of whole octaves of bucket keys, grown on demand, with a sum per octave. */
class BucketWindow {
  counts = new Float64Array(0);
  /** Sum of the counts of each octave (SUBS keys), so a quantile walk skips octaves it does not stop in. */
  octaves = new Float64Array(0);
  /** First key of the window, a multiple of SUBS. */
  base = 0;
  /**
   * The window's keys of positive normal finite values, [fastLo, fastHi): LogHistogram.record counts a value
   * with such a key in place, without the checks the other values need. Empty until the window first fits a key.
   */
  fastLo = 0;
  fastHi = 0;
  /** Lowest and highest key counted since the last reset (lo > hi when empty). */
  lo = Number.MAX_SAFE_INTEGER;
  hi = -1;
  /**
   * The keys counted since the last reset, each once: a period's samples fill few of the buckets between lo
   * and hi, so a merge or a reset that visits only these does less. Kept up to TOUCHED_MAX keys; past that,
   * or after a merge octave by octave, the list is given up (touchedCount -1) until the next reset.
   */
  private touched = new Int32Array(16);
  private touchedCount = 0;

  /** Notes that `key` was counted for the first time since the last reset (its count was 0). */
  firstCount(key: number): void {
    if (this.touchedCount >= 0) this.touch(key);
    if (key < this.lo) this.lo = key;
    if (key > this.hi) this.hi = key;
  }

  add(key: number, n: number): void {
    let i = key - this.base;
    if (i < 0 || i >= this.counts.length) {
      this.fit(key);
      i = key - this.base;
    }
    const before = this.counts[i];
    if (before === 0 && this.touchedCount >= 0) this.touch(key);
    this.counts[i] = before + n;
    this.octaves[i >> SUB_BITS] += n;
    if (key < this.lo) this.lo = key;
    if (key > this.hi) this.hi = key;
  }

  private touch(key: number): void {
    if (this.touchedCount === this.touched.length) {
      if (this.touchedCount === TOUCHED_MAX) {
        this.touchedCount = -1;
        return;
      }
      const grown = new Int32Array(this.touched.length * 2);
      grown.set(this.touched);
      this.touched = grown;
    }
    this.touched[this.touchedCount++] = key;
  }

  /** Grows the window to hold `key`'s octave, keeping what it holds, with as much again to spare on the side it grew. */
  private fit(key: number): void {
    const octave = key >> SUB_BITS;
    const length = this.octaves.length;
    const first = this.base >> SUB_BITS;
    let from: number;
    let to: number;
    if (length === 0) {
      from = Math.max(0, octave - 1);
      to = Math.min(OCTAVE_COUNT, octave + 2);
    } else {
      from = octave < first ? Math.max(0, octave - length) : first;
      to = octave >= first + length ? Math.min(OCTAVE_COUNT, octave + 1 + length) : first + length;
    }
    const counts = new Float64Array((to - from) * SUBS);
    const octaves = new Float64Array(to - from);
    if (length > 0) {
      counts.set(this.counts, (first - from) * SUBS);
      octaves.set(this.octaves, first - from);
    }
    this.counts = counts;
    this.octaves = octaves;
    this.base = from * SUBS;
    this.fastLo = Math.max(this.base, FIRST_NORMAL_KEY);
    this.fastHi = Math.min(this.base + counts.length, INFINITY_KEY);
  }

  mergeFrom(other: BucketWindow): void {
    if (other.lo > other.hi) return;
    // Fitting both ends makes room for everything between: the window is contiguous.
    if (other.lo < this.base || other.lo >= this.base + this.counts.length) this.fit(other.lo);
    if (other.hi < this.base || other.hi >= this.base + this.counts.length) this.fit(other.hi);
    const { counts, octaves } = this;
    const span = ((other.hi >> SUB_BITS) - (other.lo >> SUB_BITS) + 1) * SUBS;
    if (other.touchedCount >= 0 && other.touchedCount * 4 < span) {
      // Few of the keys in other's range are counted: add those alone.
      for (let t = 0; t < other.touchedCount; t++) {
        const key = other.touched[t];
        const n = other.counts[key - other.base];
        const i = key - this.base;
        if (counts[i] === 0 && this.touchedCount >= 0) this.touch(key);
        counts[i] += n;
        octaves[i >> SUB_BITS] += n;
      }
    } else {
      this.mergeOctaves(other);
    }
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  /** Adds other's counts octave by octave (most of its range is counted); this gives up its list of keys. */
  private mergeOctaves(other: BucketWindow): void {
    this.touchedCount = -1;
    const first = other.base >> SUB_BITS;
    const { counts, octaves } = this;
    for (let octave = other.lo >> SUB_BITS; octave <= other.hi >> SUB_BITS; octave++) {
      const n = other.octaves[octave - first];
      if (n === 0) continue;
      const from = octave * SUBS - other.base;
      const to = octave * SUBS - this.base;
      for (let k = 0; k < SUBS; k++) counts[to + k] += other.counts[from + k];
      octaves[to >> SUB_BITS] += n;
    }
  }

  reset(): void {
    if (this.lo <= this.hi) {
      if (this.touchedCount >= 0 && this.touchedCount * 4 < this.hi - this.lo + 1) {
        for (let t = 0; t < this.touchedCount; t++) this.counts[this.touched[t] - this.base] = 0;
      } else {
        this.counts.fill(0, this.lo - this.base, this.hi - this.base + 1);
      }
      const first = this.base >> SUB_BITS;
      this.octaves.fill(0, (this.lo >> SUB_BITS) - first, (this.hi >> SUB_BITS) - first + 1);
    }
    this.lo = Number.MAX_SAFE_INTEGER;
    this.hi = -1;
    this.touchedCount = 0;
  }

  /**
   * Feeds the buckets to `walk` in order of value: ascending keys for positive values, descending keys (the
   * largest magnitude first) for negative ones. Stops when the walk has every quantile it wants.
   */
  walk(walk: QuantileWalk, sign: 1 | -1): void {
    if (this.lo > this.hi) return;
    const first = this.base >> SUB_BITS;
    const lo = this.lo >> SUB_BITS;
    const hi = this.hi >> SUB_BITS;
    for (let step = 0; step <= hi - lo; step++) {
      const octave = sign > 0 ? lo + step : hi - step;
      const n = this.octaves[octave - first];
      if (n === 0) continue;
      if (!walk.stopsWithin(n)) {
        walk.pass(n);
        continue;
      }
      for (let k = 0; k < SUBS; k++) {
        const key = sign > 0 ? octave * SUBS + k : octave * SUBS + SUBS - 1 - k;
        const c = this.counts[key - this.base];
        if (c === 0) continue;
        // A bucket the walk passes reports no value: its midpoint is worked out only where a quantile falls.
        if (!walk.stopsWithin(c)) {
          walk.pass(c);
          continue;
        }
        walk.take(c, sign * keyMidpoint(key));
        if (walk.done) return;
      }
    }
  }
}

/** A walk over the samples in order of value that picks the sample of rank floor(q * (count - 1)) for each q. */
class QuantileWalk {
  private j = 0;
  private seen = 0;
  private next: number;
  private readonly last: number;

  constructor(
    private readonly qs: readonly number[],
    private readonly out: number[] | Float64Array,
    private readonly histogram: LogHistogram,
  ) {
    this.last = histogram.count - 1;
    this.next = Math.floor(qs[0] * this.last);
  }

  get done(): boolean {
    return this.j === this.qs.length;
  }

  /** Whether the next wanted rank is among the next n samples. */
  stopsWithin(n: number): boolean {
    return this.next < this.seen + n;
  }

  pass(n: number): void {
    this.seen += n;
  }

  /** n samples that all report `value` (a bucket's midpoint), clamped to the recorded range. */
  take(n: number, value: number): void {
    this.seen += n;
    const { min, max } = this.histogram;
    const clamped = value < min ? min : value > max ? max : value;
    while (this.j < this.qs.length && this.next < this.seen) {
      // The smallest and largest samples are known exactly.
      this.out[this.j] = this.next === 0 ? min : this.next === this.last ? max : clamped;
      this.j++;
      if (this.j < this.qs.length) this.next = Math.floor(this.qs[this.j] * this.last);
    }
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
    // The common case, a positive value in the window (the sign bit makes a negative value's key too large).
    const w = this.positive;
    const fastKey = high >>> KEY_SHIFT;
    if (fastKey >= w.fastLo && fastKey < w.fastHi) {
      const i = fastKey - w.base;
      const counts = w.counts;
      const before = counts[i];
      counts[i] = before + 1;
      w.octaves[i >> SUB_BITS]++;
      if (before === 0) w.firstCount(fastKey);
      this.count++;
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
      return;
    }
    this.recordOther(v, high);
  }

  private recordOther(v: number, high: number): void {
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
   * Writes the values at ascending quantiles `qs` into `out` in one walk over the buckets (period closes ask
   * for p50, p90 and p99 together); octaves the walk does not stop in are passed by their sums.
   */
  valuesAtQuantiles(qs: readonly number[], out: number[] | Float64Array): void {
    for (let j = 1; j < qs.length; j++) {
      if (!(qs[j] >= qs[j - 1])) throw new RangeError(`LogHistogram.valuesAtQuantiles: quantiles must be ascending, got ${qs.join(', ')}`);
    }
    for (const q of qs) if (!(q >= 0 && q <= 1)) throw new RangeError(`LogHistogram.valuesAtQuantiles: quantile ${q} is not within 0..1`);
    if (this.count === 0 || qs.length === 0) {
      out.fill(0, 0, qs.length);
      return;
    }
    const walk = new QuantileWalk(qs, out, this);
    this.negative.walk(walk, -1);
    if (this.zeros > 0 && !walk.done) walk.take(this.zeros, 0);
    if (!walk.done) this.positive.walk(walk, 1);
  }
}
