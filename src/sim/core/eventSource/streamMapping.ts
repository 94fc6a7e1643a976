import { NumberDeque } from '../deque.ts';
import type { Trace } from '../journey.ts';
import { partitionOfKey } from '../keyHash.ts';
import { Outcome, OUTCOME_NAMES, type Edge, type Message, type ReplyInfo, type ReplyTo, type SimContext, type Timer } from '../model.ts';
import { newMessage } from '../message.ts';
import type { Random } from '../random.ts';
import type { ShardLog } from './shardLog.ts';
import { failedRecordsOf, type StreamMappingSettings } from './mappingSettings.ts';
import { retryHop, shardName, splitHop, traceBatch, traceDiscard, tracedInBatch, traceExpired, traceRetry, tracesFrom } from './streamTrace.ts';

/**
 * GetRecords (aws-behaviour "polling detail", "shard limits"): at most 10,000 records and 10 MB a call, and 5 calls
 * a second per shard shared by every consumer of the shard (ShardLog.readCalls, a bucket of 5 refilled at 5 a
 * second). A stream may also cap a shard's reads (Kinesis: 2 MB/s, shared): a call may take up to 10 MB, and the
 * shard then refuses calls until what was read beyond the 10 MB a quiet shard holds in hand is paid off at that
 * rate (AWS: "if a call returns 10 MB, subsequent calls made within the next 5 seconds throw an exception").
 */
const GET_RECORDS_MAX = 10_000;
const GET_RECORDS_MAX_KB = 10 * 1024;
/** After a refused GetRecords the poller tries again about this much later (ms). */
const REFETCH_MS = 200;

/** What a stream (a Kinesis stream, a DynamoDB table's stream) offers its event source mappings. */
export interface StreamHost {
  readonly id: string;
  shardCount(): number;
  log(shard: number): ShardLog;
  /** Retention: records older than this are trimmed from the stream. */
  retentionMs(): number;
  /** The most a shard lets its consumers read, in KB a second together; unset: no limit beyond its calls a second. */
  readonly shardReadKBPerSecond?: number;
  sendOn(edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number): void;
}

/** Metric handles a mapping records on its stream's node. */
export interface StreamMappingMetrics {
  /** Lambda's IteratorAge: age of the last record of each batch when it is sent (ms). */
  iteratorAge: number;
  batchesInFlight: number;
  /** Records skipped after MaximumRetryAttempts or MaximumRecordAgeInSeconds (sent to OnFailure if set). */
  discarded: number;
  /** Records trimmed by the stream's retention before this mapping read them (lost). */
  expired: number;
  readThrottled: number;
}

/** One concurrent batch slot of a shard (ParallelizationFactor of them): its records in order, one batch in flight. */
class Lane {
  readonly pending = new NumberDeque(128);
  readonly records: Message[] = [];
  inFlight = 0;
  attempts = 0;
  /** After a failure: the most records the retry takes (the failed batch's, or half of it when bisecting). */
  limit = Infinity;
  /** Batching window: when the lane's first waiting record started it. */
  windowFrom = -1;
  waitingRetry = false;
  /** How the batch in flight ended (set by its reply). */
  outcome: Outcome = Outcome.Ok;
  info: ReplyInfo | undefined = undefined;
  /** The batch in flight's sampled records' traces (null for most batches). */
  trace: Trace | null = null;

  constructor(
    readonly reader: ShardReader,
    readonly index: number,
    /** Its place among all the mapping's lanes: the slot the function's answer comes back with. */
    readonly slot: number,
  ) {}
}

/** A mapping's position in one shard. */
class ShardReader {
  /** Next sequence number to fetch from the shard. */
  readPos: number;
  lanes: Lane[] = [];
  buffered = 0;
  /**
   * Whether the last GetRecords left records behind it (it stopped at its 10,000 records or 10 MB, or was refused):
   * the mapping keeps fetching as batches finish; once a call reaches the end of the shard it waits for the next poll.
   */
  behind = false;
  /** A refused GetRecords is tried again after a short back-off (refetchTimer). */
  refetchPending = false;
  /** Traced records of a failed batch: when their retry delay ends, by sequence number (journeys only). */
  readyAt: Map<number, number> | null = null;

  constructor(
    readonly shard: number,
    readonly log: ShardLog,
  ) {
    this.readPos = log.tail; // StartingPosition LATEST
  }
}

/**
 * Lambda's event source mapping for a stream (docs/aws-behaviour.md "Kinesis Data Streams and DynamoDB Streams,
 * read by Lambda"): per shard, up to ParallelizationFactor batches at a time, records of one partition key
 * always in the same lane (order kept per key); it polls every `pollIntervalMs`, keeps fetching as batches end
 * while a call left records behind, and once a call reaches the end of the shard waits for the next poll. A
 * failing batch is retried, blocking its lane, until it succeeds, MaximumRetryAttempts is exhausted or its records pass
 * MaximumRecordAgeInSeconds or the retention; BisectBatchOnFunctionError halves it (halving does not count as
 * a retry); ReportBatchItemFailures checkpoints before the first failed record. Discarded batches go to the
 * OnFailure destination as an invocation record. A sampled request's record keeps its trace in the shard log
 * (by sequence number): its batch carries it into the function, and its waits, retries and discard are recorded
 * on its journey (streamTrace.ts); a batch without one pays one test.
 */
export class StreamMapping implements ReplyTo {
  private readers: ShardReader[] = [];
  /** Every lane made, retired ones included, by slot (a retired lane may still have a batch in flight). */
  private readonly allLanes: Lane[] = [];
  private s: StreamMappingSettings;
  private inFlight = 0;
  private readonly pollTimer: Timer<null>;
  private readonly laneTimer: Timer<Lane>;
  private readonly doneTimer: Timer<Lane>;
  private readonly refetchTimer: Timer<ShardReader>;
  /** Spreads the retries of refused GetRecords calls. */
  private readonly retryRng: Random;

  constructor(
    private readonly ctx: SimContext,
    private readonly host: StreamHost,
    readonly edge: Edge,
    private readonly onFailure: Edge | null,
    private readonly pollIntervalMs: number,
    settings: StreamMappingSettings,
    private readonly m: StreamMappingMetrics,
  ) {
    this.s = settings;
    this.pollTimer = ctx.timer(() => this.poll());
    this.laneTimer = ctx.timer((lane) => {
      lane.waitingRetry = false;
      this.dispatchLane(lane);
    });
    this.doneTimer = ctx.timer((lane) => this.complete(lane));
    this.refetchTimer = ctx.timer((r) => {
      r.refetchPending = false;
      if (!this.s.Enabled) return;
      this.fetch(r);
      for (const lane of r.lanes) this.dispatchLane(lane);
    });
    this.retryRng = ctx.random(`${host.id}->${edge.to.id}`, 'read retries');
    this.syncShards();
  }

  start(): void {
    if (this.s.Enabled) this.pollTimer.at(this.ctx.now + this.pollIntervalMs, null);
  }

  /** A live edit of the mapping (BatchSize, ParallelizationFactor, ...): applies from the next batch. */
  update(settings: StreamMappingSettings): void {
    const pfChanged = settings.ParallelizationFactor !== this.s.ParallelizationFactor;
    const wasEnabled = this.s.Enabled;
    this.s = settings;
    if (pfChanged) for (const r of this.readers) this.relane(r);
    if (!wasEnabled && settings.Enabled) this.start();
    this.dispatchAll();
  }

  /** The stream's shard count changed (a live edit or on-demand growth). */
  syncShards(): void {
    const n = this.host.shardCount();
    for (let i = this.readers.length; i < n; i++) {
      const r = new ShardReader(i, this.host.log(i));
      this.relane(r);
      this.readers.push(r);
    }
  }

  private newLane(r: ShardReader, index: number): Lane {
    const lane = new Lane(r, index, this.allLanes.length);
    this.allLanes.push(lane);
    return lane;
  }

  /** The oldest record a reader of shard `shard` still needs (the stream may drop what is before it). */
  lowWater(shard: number): number {
    const r = this.readers[shard];
    if (r === undefined) return Infinity;
    let low = r.readPos;
    for (const lane of r.lanes) if (lane.pending.size > 0 && lane.pending.peekFront() < low) low = lane.pending.peekFront();
    return low;
  }

  /** GetRecords.IteratorAgeMilliseconds: age of the oldest record this mapping has not yet processed (0 when none). */
  iteratorAgeMs(now: number): number {
    let oldest = Infinity;
    for (const r of this.readers) {
      const low = this.lowWater(r.shard);
      if (low < r.log.tail && low >= r.log.head) oldest = Math.min(oldest, r.log.timeOf(low));
    }
    return oldest === Infinity ? 0 : now - oldest;
  }

  /** Records fetched into lanes and not yet processed. */
  get buffered(): number {
    let n = 0;
    for (const r of this.readers) n += r.buffered;
    return n;
  }

  /**
   * Lays a shard's waiting records out over ParallelizationFactor lanes (a live edit). Batches in flight stay
   * where they are; the records behind them are dealt out again by partition key, in order.
   */
  private relane(r: ShardReader): void {
    const pf = this.s.ParallelizationFactor;
    const carry: number[] = [];
    for (const lane of r.lanes) {
      const keep = lane.inFlight > 0 ? lane.records.length : 0;
      while (lane.pending.size > keep) carry.push(lane.pending.popBack());
    }
    const lanes: Lane[] = [];
    for (let i = 0; i < pf; i++) lanes.push(i < r.lanes.length ? r.lanes[i] : this.newLane(r, i));
    r.lanes = lanes;
    carry.sort((a, b) => a - b);
    for (const seq of carry) this.laneFor(r, seq).pending.pushBack(seq);
  }

  private laneFor(r: ShardReader, seq: number): Lane {
    const pf = r.lanes.length;
    return r.lanes[pf === 1 ? 0 : partitionOfKey(laneKey(r.log.keyOf(seq), seq), pf)];
  }

  /** A lane retired by a lower ParallelizationFactor hands its records back to the shard's lanes. */
  private rehome(lane: Lane): void {
    const r = lane.reader;
    const seqs: number[] = [];
    while (lane.pending.size > 0) seqs.push(lane.pending.popBack());
    for (const seq of seqs) {
      const to = this.laneFor(r, seq);
      to.pending.pushBack(seq);
    }
  }

  private poll(): void {
    if (!this.s.Enabled) return;
    this.syncShards();
    for (const r of this.readers) this.fetch(r);
    this.dispatchAll();
    this.pollTimer.at(this.ctx.now + this.pollIntervalMs, null);
  }

  /** GetRecords into the lanes while they have room. */
  private fetch(r: ShardReader): void {
    const log = r.log;
    const now = this.ctx.now;
    if (r.readPos < log.head) {
      // The retention trimmed records before this mapping read them.
      this.ctx.metrics.add(this.m.expired, log.head - r.readPos);
      r.readPos = log.head;
    }
    const room = Math.max(GET_RECORDS_MAX, 2 * this.s.BatchSize * r.lanes.length);
    if (r.readPos >= log.tail || r.buffered >= room) return;
    if (now < log.readFreeAt || !log.readCalls.take(now)) {
      // ProvisionedThroughputExceededException: the poller backs off for a fifth of a second (the shard's 5 calls a
      // second apart) give or take half, so pollers that collided do not collide again.
      this.ctx.metrics.add(this.m.readThrottled, 1);
      if (!r.refetchPending) {
        r.refetchPending = true;
        this.refetchTimer.at(now + REFETCH_MS * (0.5 + this.retryRng.next()), r);
      }
      return;
    }
    const last = Math.min(log.tail, r.readPos + GET_RECORDS_MAX);
    let kb = 0;
    let seq = r.readPos;
    while (seq < last && (kb === 0 || kb + log.sizeOf(seq) <= GET_RECORDS_MAX_KB)) {
      kb += log.sizeOf(seq);
      const lane = this.laneFor(r, seq);
      if (lane.pending.size === 0) lane.windowFrom = now;
      lane.pending.pushBack(seq);
      seq++;
    }
    r.buffered += seq - r.readPos;
    r.readPos = seq;
    r.behind = seq < log.tail;
    const rate = this.host.shardReadKBPerSecond;
    // The shard holds at most one call's worth of unused read rate (10 MB): a quiet shard lends it to the next call.
    if (rate !== undefined) log.readFreeAt = Math.max(log.readFreeAt, now - (GET_RECORDS_MAX_KB / rate) * 1000) + (kb / rate) * 1000;
  }

  private dispatchAll(): void {
    for (const r of this.readers) for (const lane of r.lanes) this.dispatchLane(lane);
  }

  private dispatchLane(lane: Lane): void {
    if (!this.s.Enabled || lane.inFlight > 0 || lane.waitingRetry) return;
    const r = lane.reader;
    if (lane.index >= r.lanes.length || r.lanes[lane.index] !== lane) return;
    const log = r.log;
    const now = this.ctx.now;
    this.dropOld(lane, now);
    const q = lane.pending;
    if (q.size === 0) return;
    const batchSize = this.s.BatchSize;
    const windowMs = this.s.MaximumBatchingWindowInSeconds * 1000;
    if (q.size < batchSize && windowMs > 0 && lane.windowFrom + windowMs > now && lane.attempts === 0) {
      this.laneTimer.at(lane.windowFrom + windowMs, lane);
      lane.waitingRetry = true;
      return;
    }
    const n = Math.min(q.size, batchSize, lane.limit);
    const records = lane.records;
    records.length = n;
    let sizeKB = 0;
    for (let i = 0; i < n; i++) {
      const seq = q.at(i);
      let rec = records[i];
      if (rec === undefined) {
        rec = newMessage();
        records[i] = rec;
      }
      rec.id = r.shard * 1e12 + seq;
      rec.createdAt = log.timeOf(seq);
      rec.sizeKB = log.sizeOf(seq);
      rec.key = log.keyOf(seq);
      rec.poison = log.poisonOf(seq);
      sizeKB += rec.sizeKB;
    }
    lane.inFlight = 1;
    this.inFlight++;
    this.ctx.metrics.setLevel(this.m.batchesInFlight, this.inFlight, now);
    // IteratorAge: the age of the batch's last record when the batch goes to the function.
    this.ctx.metrics.record(this.m.iteratorAge, now - records[n - 1].createdAt);
    const msg = newMessage(this.ctx.nextMessageId(), records[0].createdAt, sizeKB);
    msg.records = records;
    msg.key = records[0].key;
    // The invocation carries its sampled records' traces (one test per batch), so their journeys go on into the function.
    const trace = log.traced ? traceBatch(this.host.id, this.edge.to.id, r.shard, log, q, n, { attempts: lane.attempts, split: lane.limit !== Infinity && lane.attempts === 0 }, r.readyAt, now) : null;
    lane.trace = msg.trace = trace;
    this.host.sendOn(this.edge, msg, this, lane.slot);
  }

  /** Records past MaximumRecordAgeInSeconds are discarded, those trimmed by the retention are lost. */
  private dropOld(lane: Lane, now: number): void {
    const q = lane.pending;
    const log = lane.reader.log;
    const maxAge = this.s.MaximumRecordAgeInSeconds;
    const ageLimit = maxAge < 0 ? Infinity : maxAge * 1000;
    let expired = 0;
    let discarded = 0;
    let traces: Trace[] | null = null;
    while (q.size > 0) {
      const seq = q.peekFront();
      if (seq < log.head) expired++;
      else if (now - log.timeOf(seq) > ageLimit) {
        discarded++;
        const trace = log.traced ? log.traceOf(seq) : null;
        if (trace !== null) (traces ??= []).push(trace);
      } else break;
      q.popFront();
      lane.reader.readyAt?.delete(seq);
      lane.reader.buffered--;
    }
    if (expired > 0) this.ctx.metrics.add(this.m.expired, expired);
    if (discarded > 0) {
      this.ctx.metrics.add(this.m.discarded, discarded);
      const group = traces === null ? null : traceDiscard(this.host.id, traces, `RecordAgeExceeded: older than MaximumRecordAgeInSeconds ${maxAge}`, this.onFailure?.to.id ?? null, now);
      this.sendToOnFailure(lane, discarded, 'RecordAgeExceeded', group);
      lane.attempts = 0;
      lane.limit = Infinity;
    }
  }

  /** The function's answer for the batch of the lane whose slot is `slot`; the OnFailure destination's (slot -1) is not used. */
  reply(slot: number, outcome: Outcome, doneAt: number, info?: ReplyInfo): void {
    if (slot < 0) return;
    const lane = this.allLanes[slot];
    lane.outcome = outcome;
    lane.info = info;
    if (doneAt > this.ctx.now) this.doneTimer.at(doneAt, lane);
    else this.complete(lane);
  }

  private complete(lane: Lane): void {
    const outcome = lane.outcome;
    const info = lane.info;
    lane.info = undefined;
    const trace = lane.trace;
    lane.trace = null;
    const now = this.ctx.now;
    lane.inFlight = 0;
    this.inFlight--;
    this.ctx.metrics.setLevel(this.m.batchesInFlight, this.inFlight, now);
    const n = lane.records.length;
    const r = lane.reader;
    const failed = outcome === Outcome.Ok ? failedRecordsOf(info, this.s.reportItemFailures) : null;
    if (outcome === Outcome.Ok && failed === null) {
      this.checkpoint(lane, n);
      lane.attempts = 0;
      lane.limit = Infinity;
    } else {
      // Journeys: the failed batch's traced records, before any of them is checkpointed.
      const traced = trace !== null ? tracedInBatch(r.log, lane.pending, n) : null;
      let retryFrom = 0;
      if (failed !== null) {
        // ReportBatchItemFailures: everything before the first failed record succeeded.
        retryFrom = n;
        for (const rec of failed) {
          const i = lane.records.indexOf(rec);
          if (i >= 0 && i < retryFrom) retryFrom = i;
        }
        this.checkpoint(lane, retryFrom);
      }
      const left = n - retryFrom;
      const functionError = outcome === Outcome.FunctionError || outcome === Outcome.FunctionTimeout;
      const max = this.s.MaximumRetryAttempts;
      const delay = this.s.retryDelayMs;
      if (this.s.BisectBatchOnFunctionError && functionError && left > 1) {
        lane.limit = Math.ceil(left / 2); // splits do not count toward MaximumRetryAttempts
        if (traced !== null) traceRetry(this.host.id, r.log, traced, retryFrom, splitHop(outcome, lane.limit, left), delay, (r.readyAt ??= new Map<number, number>()), now);
      } else {
        lane.limit = left; // the same records are retried, not a batch grown with newer ones
        lane.attempts++;
        if (max >= 0 && lane.attempts > max) {
          this.ctx.metrics.add(this.m.discarded, left);
          const condition = outcome === Outcome.Throttled ? 'Throttled' : 'RetryAttemptsExhausted';
          const group = traced === null ? null : traceDiscard(this.host.id, tracesFrom(r.log, traced, retryFrom), `${condition}: MaximumRetryAttempts ${max}, after ${OUTCOME_NAMES[outcome]}`, this.onFailure?.to.id ?? null, now);
          this.sendToOnFailure(lane, left, condition, group);
          this.checkpoint(lane, left);
          lane.attempts = 0;
          lane.limit = Infinity;
        } else if (traced !== null) {
          traceRetry(this.host.id, r.log, traced, retryFrom, retryHop(outcome, lane.attempts, max, delay), delay, (r.readyAt ??= new Map<number, number>()), now);
        }
      }
      if (lane.pending.size > 0 && (lane.attempts > 0 || lane.limit !== Infinity)) {
        lane.waitingRetry = true;
        this.laneTimer.at(now + this.s.retryDelayMs, lane);
      }
    }
    if (r.lanes[lane.index] !== lane && lane.pending.size > 0) {
      lane.waitingRetry = false;
      this.rehome(lane);
      this.dispatchAll();
    }
    if (r.behind && r.buffered < this.s.BatchSize * r.lanes.length) this.fetch(r);
    this.dispatchLane(lane);
  }

  /** The first `n` records of the lane are done. */
  private checkpoint(lane: Lane, n: number): void {
    for (let i = 0; i < n && lane.pending.size > 0; i++) lane.pending.popFront();
    lane.reader.buffered -= n;
    if (lane.pending.size > 0) lane.windowFrom = this.ctx.now;
  }

  /** The OnFailure destination gets an invocation record with the batch's metadata (not its records). */
  private sendToOnFailure(lane: Lane, count: number, condition: string, trace: Trace | null): void {
    if (this.onFailure === null) return;
    const log = lane.reader.log;
    const first = lane.pending.size > 0 ? lane.pending.peekFront() : log.tail;
    const msg = newMessage(this.ctx.nextMessageId(), first < log.tail && first >= log.head ? log.timeOf(first) : this.ctx.now, 1);
    msg.attributes = { condition, shard: shardName(lane.reader.shard), batchSize: count };
    msg.trace = trace;
    this.host.sendOn(this.onFailure, msg, this.onFailure.async ? null : this, ON_FAILURE_SLOT);
  }
}

/** The slot of a record sent to the OnFailure destination, whose answer is not used. */
const ON_FAILURE_SLOT = -1;

/** A record without a partition key still lands in one lane, by its sequence number. */
function laneKey(key: number, seq: number): number {
  return key >= 0 ? key : seq;
}

/**
 * A stream's upkeep once a period: each shard drops what every mapping has read or the retention (`cutoff`, ms)
 * trimmed; returns GetRecords.IteratorAgeMilliseconds, the oldest unprocessed record's age over the mappings.
 */
export function streamUpkeep(streamId: string, logs: readonly ShardLog[], mappings: readonly StreamMapping[], now: number, cutoff: number): number {
  for (let i = 0; i < logs.length; i++) {
    const log = logs[i];
    let low = log.tail;
    for (const m of mappings) low = Math.min(low, m.lowWater(i));
    const trimmed = log.firstAtOrAfter(log.head, cutoff);
    if (trimmed > low && log.traced) {
      const unread = (seq: number) => mappings.filter((m) => m.lowWater(i) <= seq).map((m) => m.edge.to.id).join(', ');
      traceExpired(streamId, log, low, trimmed, now - cutoff, unread, now);
    }
    log.dropBefore(Math.max(low, trimmed));
  }
  let age = 0;
  for (const m of mappings) age = Math.max(age, m.iteratorAgeMs(now));
  return age;
}
