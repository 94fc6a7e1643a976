/**
 * One dimension (reads or writes) of a DynamoDB table's throughput, per partition, in one-second windows.
 * docs/aws-behaviour.md "DynamoDB":
 *  - partitions: a partition serves at most 3,000 RCU / 1,000 WCU a second, whatever the table has.
 *  - provisioned: each partition gets an equal share of the table's capacity a second. Unused share is
 *    kept as burst, up to 300 s of it, and spent when the partition goes over its share. Adaptive capacity:
 *    a partition past its share and its burst may still borrow what the table as a whole leaves unused in
 *    that second (instant, as AWS has done since 2019), never past the partition maximum.
 *  - on-demand: no shares; the table serves up to max(initial, 2 x previous peak) a second, however recent
 *    that peak. A second in which the table refused requests for capacity counts toward the peak only once
 *    it is 30 minutes old, so growth beyond double the previous peak within 30 minutes throttles (and
 *    capacity then doubles at most every 30 minutes), while traffic that never more than doubles its
 *    previous peak is never throttled.
 */
export interface ThroughputConfig {
  partitions: number;
  /** Provisioned units per second for the table (ignored on-demand). */
  provisioned: number;
  /** 3,000 for reads, 1,000 for writes. */
  partitionMax: number;
  /** Seconds of unused capacity kept as burst (AWS: 300). */
  burstSeconds: number;
  adaptive: boolean;
  onDemand: boolean;
  /** On-demand: what a new table sustains (AWS: 12,000 reads/s, 4,000 writes/s). */
  onDemandInitial: number;
}

/** How long a throttled second waits before it counts as a peak (AWS: more than doubling within 30 min can throttle). */
export const PEAK_AGE_SECONDS = 1800;

export class PartitionThroughput {
  private used = new Float64Array(0);
  private burst = new Float64Array(0);
  private tableUsed = 0;
  private second = 0;
  private share = 0;
  private burstCap = 0;
  /** On-demand: units served in each of the last PEAK_AGE_SECONDS seconds that were throttled (else 0), a ring. */
  private readonly history = new Float64Array(PEAK_AGE_SECONDS);
  private historyPos = 0;
  /** On-demand: the previous peak (units in one second) that capacity doubles. */
  private peak = 0;
  /** On-demand: whether this second refused a request for table capacity. */
  private throttledNow = false;
  /** Units per second the table serves now: provisioned, or on-demand's ceiling. */
  tableCapacity = 0;

  constructor(private config: ThroughputConfig) {
    this.configure(config);
  }

  /** Applies a (new) configuration; the burst starts full, as for a table that sat idle before the run. */
  configure(config: ThroughputConfig): void {
    this.config = config;
    this.used = new Float64Array(config.partitions);
    this.burst = new Float64Array(config.partitions);
    this.share = config.onDemand ? Infinity : config.provisioned / config.partitions;
    this.burstCap = config.onDemand ? 0 : this.share * config.burstSeconds;
    this.burst.fill(this.burstCap);
    this.tableUsed = 0;
    this.tableCapacity = config.onDemand ? Math.max(config.onDemandInitial, 2 * this.peak) : config.provisioned;
  }

  /** More partitions after on-demand growth: the per-second counts restart on the new layout. */
  setPartitions(partitions: number): void {
    if (partitions === this.used.length) return;
    this.config.partitions = partitions;
    this.used = new Float64Array(partitions);
    this.burst = new Float64Array(partitions);
  }

  get partitions(): number {
    return this.used.length;
  }

  /** Takes `units` on partition `p` at time `now` (ms); false means throttled. */
  consume(p: number, units: number, now: number): boolean {
    const s = Math.floor(now / 1000);
    if (s !== this.second) this.roll(s);
    const used = this.used[p] + units;
    if (used > this.config.partitionMax) return false;
    if (this.config.onDemand) {
      if (this.tableUsed + units > this.tableCapacity) {
        this.throttledNow = true;
        return false;
      }
    } else if (used > this.share) {
      const over = Math.min(units, used - this.share);
      if (this.burst[p] >= over) this.burst[p] -= over;
      else if (!this.config.adaptive || this.tableUsed + units > this.tableCapacity) return false;
    }
    this.used[p] = used;
    this.tableUsed += units;
    return true;
  }

  /** Burst units a partition has saved (for tests and the inspector). */
  burstOf(p: number): number {
    return this.burst[p];
  }

  /** Closes the seconds since the last request: saves unused share as burst, ages on-demand peaks. */
  private roll(s: number): void {
    const gap = s - this.second;
    if (this.config.onDemand) {
      if (this.throttledNow) this.pushHistory(this.tableUsed);
      else {
        if (this.tableUsed > this.peak) this.peak = this.tableUsed;
        this.pushHistory(0);
      }
      this.throttledNow = false;
      const idle = Math.min(gap - 1, PEAK_AGE_SECONDS);
      for (let i = 0; i < idle; i++) this.pushHistory(0);
      this.tableCapacity = Math.max(this.config.onDemandInitial, 2 * this.peak);
    } else {
      const share = this.share;
      const cap = this.burstCap;
      for (let p = 0; p < this.used.length; p++) {
        const saved = this.burst[p] + Math.max(0, share - this.used[p]) + share * (gap - 1);
        this.burst[p] = saved < cap ? saved : cap;
      }
    }
    this.used.fill(0);
    this.tableUsed = 0;
    this.second = s;
  }

  private pushHistory(units: number): void {
    const aged = this.history[this.historyPos];
    if (aged > this.peak) this.peak = aged;
    this.history[this.historyPos] = units;
    this.historyPos = (this.historyPos + 1) % PEAK_AGE_SECONDS;
  }
}
