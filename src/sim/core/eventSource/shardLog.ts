import type { Trace } from '../journey.ts';
import { TokenBucket } from '../tokenBucket.ts';

/** GetRecords calls a second per shard, shared by its consumers (aws-behaviour Kinesis "shard limits"). */
export const GET_RECORDS_PER_SECOND = 5;

/**
 * The records of one stream shard, in order, as typed arrays (no object per record): arrival time, partition
 * key, size, poison flag. Records are addressed by their sequence number (0, 1, 2, ... for the shard); the log
 * keeps [head, tail) and drops its front as readers move past it or records outlive the retention. A sampled
 * request's record keeps its trace in a small map by sequence number (a few per run), never in a column, so a
 * waiting record costs the same bytes whether or not any record is traced.
 */
export class ShardLog {
  private times: Float64Array;
  private keys: Float64Array;
  private sizes: Float32Array;
  private poison: Uint8Array;
  private mask: number;
  /** Sequence number of the oldest record kept. */
  head = 0;
  /** Sequence number the next record gets. */
  tail = 0;
  /** Traces of sampled requests' records, by sequence number; null until one is appended. */
  private traces: Map<number, Trace> | null = null;
  /**
   * The shard's read quota, shared by every consumer reading it with GetRecords (streamMapping.ts): its calls a
   * second, and when the data read so far is paid off at the shard's read rate (ms).
   */
  readonly readCalls = new TokenBucket(GET_RECORDS_PER_SECOND, GET_RECORDS_PER_SECOND);
  readFreeAt = 0;

  constructor(capacity = 256) {
    const c = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.times = new Float64Array(c);
    this.keys = new Float64Array(c);
    this.sizes = new Float32Array(c);
    this.poison = new Uint8Array(c);
    this.mask = c - 1;
  }

  get size(): number {
    return this.tail - this.head;
  }

  append(time: number, key: number, sizeKB: number, poison: boolean, trace: Trace | null = null): number {
    if (this.tail - this.head > this.mask) this.grow();
    const i = this.tail & this.mask;
    this.times[i] = time;
    this.keys[i] = key;
    this.sizes[i] = sizeKB;
    this.poison[i] = poison ? 1 : 0;
    if (trace !== null) (this.traces ??= new Map()).set(this.tail, trace);
    return this.tail++;
  }

  /** Whether a record kept holds a trace (readers test this once per batch, not per record). */
  get traced(): boolean {
    return this.traces !== null && this.traces.size > 0;
  }

  /** The trace of record `seq`, or null when its request was not sampled. */
  traceOf(seq: number): Trace | null {
    return this.traces === null ? null : (this.traces.get(seq) ?? null);
  }

  /** The traced records' sequence numbers in [from, to), in order. */
  tracedIn(from: number, to: number): number[] {
    const seqs: number[] = [];
    if (this.traces !== null) for (const seq of this.traces.keys()) if (seq >= from && seq < to) seqs.push(seq);
    return seqs.sort((a, b) => a - b);
  }

  timeOf(seq: number): number {
    return this.times[seq & this.mask];
  }
  keyOf(seq: number): number {
    return this.keys[seq & this.mask];
  }
  sizeOf(seq: number): number {
    return this.sizes[seq & this.mask];
  }
  poisonOf(seq: number): boolean {
    return this.poison[seq & this.mask] === 1;
  }

  /** Drops records before `seq` (never past the tail). */
  dropBefore(seq: number): void {
    if (seq > this.tail) seq = this.tail;
    if (seq <= this.head) return;
    if (this.traces !== null) for (const s of this.traces.keys()) if (s < seq) this.traces.delete(s);
    this.head = seq;
  }

  /** The first sequence number at or after `from` whose record arrived at or after `time` (records are in time order). */
  firstAtOrAfter(from: number, time: number): number {
    let lo = from < this.head ? this.head : from;
    let hi = this.tail;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid & this.mask] < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const old = this.mask + 1;
    const c = old * 2;
    const times = new Float64Array(c);
    const keys = new Float64Array(c);
    const sizes = new Float32Array(c);
    const poison = new Uint8Array(c);
    for (let s = this.head; s < this.tail; s++) {
      const from = s & this.mask;
      const to = s & (c - 1);
      times[to] = this.times[from];
      keys[to] = this.keys[from];
      sizes[to] = this.sizes[from];
      poison[to] = this.poison[from];
    }
    this.times = times;
    this.keys = keys;
    this.sizes = sizes;
    this.poison = poison;
    this.mask = c - 1;
  }
}
