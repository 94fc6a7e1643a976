/** On-demand streams start at 4,000 records/s (docs/aws-behaviour.md, Kinesis "on-demand streams"). */
const INITIAL_RECORDS_PER_SECOND = 4000;
const RECORDS_PER_SHARD = 1000;
/** Traffic that more than doubles within 15 minutes can throttle: a throttled second counts as a peak only after this. */
const SETTLE_SECONDS = 900;

/**
 * The write capacity of an on-demand stream: double its peak, the peak taken at once from seconds it served
 * in full, and from seconds in which it refused records only 15 minutes later (so doubling is instant, more
 * than doubling throttles for a while). The shard count follows the capacity at 1,000 records/s a shard.
 */
export class OnDemandCapacity {
  private peak = INITIAL_RECORDS_PER_SECOND / 2;
  private servedNow = 0;
  private throttledNow = false;
  private readonly pending = new Float64Array(SETTLE_SECONDS);
  private pos = 0;
  private lastSecond = -1;

  served(records: number): void {
    this.servedNow += records;
  }

  throttled(): void {
    this.throttledNow = true;
  }

  /** Closes the seconds up to `second`. */
  endSecond(second: number): void {
    if (this.lastSecond >= 0) {
      this.push(this.throttledNow ? this.servedNow : 0);
      if (!this.throttledNow && this.servedNow > this.peak) this.peak = this.servedNow;
      const idle = Math.min(second - this.lastSecond - 1, SETTLE_SECONDS);
      for (let i = 0; i < idle; i++) this.push(0);
    }
    this.lastSecond = second;
    this.servedNow = 0;
    this.throttledNow = false;
  }

  capacity(): number {
    return Math.max(INITIAL_RECORDS_PER_SECOND, 2 * this.peak);
  }

  shards(): number {
    return Math.ceil(this.capacity() / RECORDS_PER_SHARD);
  }

  private push(v: number): void {
    const aged = this.pending[this.pos];
    if (aged > this.peak) this.peak = aged;
    this.pending[this.pos] = v;
    this.pos = (this.pos + 1) % SETTLE_SECONDS;
  }
}
