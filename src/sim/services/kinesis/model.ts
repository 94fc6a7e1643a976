import { ShardLog } from '../../core/eventSource/shardLog.ts';
import { streamMappingSettings } from '../../core/eventSource/mappingSettings.ts';
import { StreamMapping, streamUpkeep, type StreamHost } from '../../core/eventSource/streamMapping.ts';
import { partitionOfKey } from '../../core/keyHash.ts';
import { Model, Outcome, type Edge, type Message, type ReplyInfo, type ReplyTo, type SimContext, type SimNode } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';
import { OnDemandCapacity } from './onDemand.ts';
import { kinesisPrices } from './prices.ts';
import { kinesisProperties, type KinesisProperties } from './spec.ts';

/** Per shard and second (docs/aws-behaviour.md, Kinesis "shard limits"). */
const SHARD_RECORDS_PER_SECOND = 1000;
const SHARD_KB_PER_SECOND = 1024;
/** Kinesis polls each shard about once a second ("polling"). */
const POLL_INTERVAL_MS = 1000;
const PUT_UNIT_KB = 25;
const THROTTLED: ReplyInfo = Object.freeze({ reason: 'ProvisionedThroughputExceededException' });

/**
 * AWS::Kinesis::Stream (docs/aws-behaviour.md "Kinesis Data Streams and DynamoDB Streams, read by Lambda"):
 * records go to the shard their partition key hashes to; each shard takes at most 1,000 records and 1 MB a
 * second (beyond: WriteProvisionedThroughputExceeded, and the caller's SDK retries); on-demand streams start at
 * 4,000 records/s and scale to double their peak. Lambda reads it through event source mappings (eventSource
 * edges; core/eventSource/streamMapping.ts). Records no mapping reads are counted, not stored.
 */
export class KinesisStream extends Model implements StreamHost {
  private props!: KinesisProperties;
  private readonly logs: ShardLog[] = [];
  private shards = 1;
  private mappings: StreamMapping[] = [];
  private readonly onDemand = new OnDemandCapacity();
  private readonly keyRng: Random;
  // Writes in the current second, per shard.
  private second = -1;
  private secRecords = new Float64Array(1);
  private secKB = new Float64Array(1);
  private lastCostAt = 0;

  private readonly mIncomingRecords: number;
  private readonly mIncomingBytes: number;
  private readonly mWriteExceeded: number;
  private readonly mReadExceeded: number;
  private readonly mIteratorAgeMs: number;
  private readonly mShards: number;
  private readonly mCost: number;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    const m = ctx.metrics;
    this.keyRng = ctx.random(node.id, 'partitionKeys');
    this.mIncomingRecords = m.counter(node.id, 'IncomingRecords');
    this.mIncomingBytes = m.counter(node.id, 'IncomingBytes', 'Bytes');
    this.mWriteExceeded = m.counter(node.id, 'WriteProvisionedThroughputExceeded');
    this.mReadExceeded = m.counter(node.id, 'ReadProvisionedThroughputExceeded');
    this.mIteratorAgeMs = m.level(node.id, 'GetRecords.IteratorAgeMilliseconds', 'Milliseconds');
    this.mShards = m.level(node.id, 'OpenShards');
    this.mCost = m.counter(node.id, 'Cost', 'USD');
    this.configure(node);
  }

  private configure(node: SimNode): void {
    this.props = kinesisProperties.parse(node.properties);
    this.setShards(this.onDemandMode ? this.onDemand.shards() : this.props.ShardCount);
  }

  private get onDemandMode(): boolean {
    return this.props.StreamModeDetails.StreamMode === 'ON_DEMAND';
  }

  private setShards(n: number): void {
    while (this.logs.length < n) this.logs.push(new ShardLog());
    if (n === this.shards && this.secRecords.length === n) return;
    this.shards = n;
    this.secRecords = new Float64Array(n);
    this.secKB = new Float64Array(n);
    this.second = -1;
    this.ctx.metrics.setLevel(this.mShards, n, this.ctx.now);
    for (const m of this.mappings) m.syncShards();
  }

  override start(): void {
    const onFailure = this.out.find((e) => e.role === 'onFailure') ?? null;
    const sources = this.out.filter((e) => e.role === 'eventSource');
    this.mappings = sources.map((edge) => {
      const suffix = sources.length > 1 ? `:${edge.to.id}` : '';
      const m = this.ctx.metrics;
      return new StreamMapping(this.ctx, this, edge, onFailure, POLL_INTERVAL_MS, streamMappingSettings(edge.properties), {
        iteratorAge: m.distribution(this.id, `IteratorAge${suffix}`),
        batchesInFlight: m.level(this.id, `EventSourceBatchesInFlight${suffix}`),
        discarded: m.counter(this.id, `RecordsDiscarded${suffix}`),
        expired: m.counter(this.id, `RecordsExpired${suffix}`),
        readThrottled: this.mReadExceeded,
      });
    });
    for (const m of this.mappings) m.start();
    this.ctx.metrics.setLevel(this.mShards, this.shards, 0);
  }

  override update(node: SimNode): void {
    this.configure(node);
    for (const m of this.mappings) m.update(streamMappingSettings(m.edge.properties));
  }

  /** A live edit of a mapping edge (BatchSize, ParallelizationFactor, ...). */
  override updateEdge(edge: Edge): void {
    this.mappings.find((m) => m.edge === edge)?.update(streamMappingSettings(edge.properties));
  }

  // StreamHost
  /** Shard read limit: 2 MB/s shared by the shard's consumers (aws-behaviour Kinesis "shard limits"). */
  readonly shardReadKBPerSecond = 2 * 1024;
  shardCount(): number {
    return this.shards;
  }
  log(shard: number): ShardLog {
    return this.logs[shard];
  }
  retentionMs(): number {
    return this.props.RetentionPeriodHours * 3_600_000;
  }
  sendOn(edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number): void {
    this.send(edge, msg, replyTo, slot);
  }

  override receive(msg: Message, edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    const now = this.ctx.now;
    const n = typeof edge.properties.recordsPerRequest === 'number' && edge.properties.operation === 'PutRecords' ? edge.properties.recordsPerRequest : 1;
    const s = Math.floor(now / 1000);
    if (s !== this.second) this.roll(s);
    const sizeKB = msg.sizeKB;
    const store = this.mappings.length > 0;
    let accepted = 0;
    // A sampled request's journey goes on with its first accepted record (the shard log keeps the trace by sequence number).
    let trace = store ? msg.trace : null;
    for (let i = 0; i < n; i++) {
      const key = msg.key >= 0 ? msg.key + i * 7919 : -1;
      const shard = key >= 0 ? partitionOfKey(key, this.shards) : Math.floor(this.keyRng.next() * this.shards);
      // Shard limits: 1,000 records and 1 MB a second (docs/aws-behaviour.md, Kinesis "shard limits").
      if (this.secRecords[shard] + 1 > SHARD_RECORDS_PER_SECOND || this.secKB[shard] + sizeKB > SHARD_KB_PER_SECOND) continue;
      this.secRecords[shard]++;
      this.secKB[shard] += sizeKB;
      accepted++;
      if (store) {
        this.logs[shard].append(now, key, sizeKB, msg.poison, trace);
        trace = null;
      }
    }
    const metrics = this.ctx.metrics;
    if (accepted > 0) {
      this.onDemand.served(accepted);
      metrics.add(this.mIncomingRecords, accepted);
      metrics.add(this.mIncomingBytes, accepted * sizeKB * 1024);
      const perRecord = this.onDemandMode ? (sizeKB / 1_048_576) * kinesisPrices.onDemandWriteGB : (Math.ceil(sizeKB / PUT_UNIT_KB) * kinesisPrices.putUnitsPerMillion) / 1e6;
      metrics.add(this.mCost, accepted * perRecord);
    }
    // With no event source mapping the stream keeps no records, and the journey ends here.
    msg.trace?.hop(this.id, accepted < n ? 'throttle' : 'event', n > 1 ? `PutRecords of ${n}` : 'PutRecord', now, now, accepted < n ? `${n - accepted} refused: ProvisionedThroughputExceededException` : `${accepted} accepted`);
    if (accepted < n) {
      metrics.add(this.mWriteExceeded, n - accepted);
      this.onDemand.throttled();
      replyTo?.reply(slot, Outcome.Throttled, now, THROTTLED);
    } else replyTo?.reply(slot, Outcome.Ok, now);
  }

  private roll(second: number): void {
    this.onDemand.endSecond(second);
    this.second = second;
    if (this.onDemandMode) {
      const want = this.onDemand.shards();
      if (want > this.shards) this.setShards(want);
    }
    this.secRecords.fill(0);
    this.secKB.fill(0);
  }

  override backlog(): number {
    let n = 0;
    for (let i = 0; i < this.logs.length; i++) n += this.logs[i].size;
    return n;
  }

  /** Once a period: trim what every mapping has read or the retention dropped; iterator age; shard-hours. */
  override finish(): void {
    const now = this.ctx.now;
    this.ctx.metrics.setLevel(this.mIteratorAgeMs, streamUpkeep(this.id, this.logs, this.mappings, now, now - this.retentionMs()), now);
    const hours = (now - this.lastCostAt) / 3_600_000;
    if (hours > 0) {
      this.ctx.metrics.add(this.mCost, hours * (this.onDemandMode ? kinesisPrices.onDemandStreamHour : this.shards * kinesisPrices.shardHour));
      this.lastCostAt = now;
    }
  }
}

export const createModel: ModelFactory = (ctx, node) => new KinesisStream(ctx, node);
