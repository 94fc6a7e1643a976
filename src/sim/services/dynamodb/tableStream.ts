import { ShardLog } from '../../core/eventSource/shardLog.ts';
import { streamMappingSettings } from '../../core/eventSource/mappingSettings.ts';
import { StreamMapping, streamUpkeep, type StreamHost } from '../../core/eventSource/streamMapping.ts';
import type { Trace } from '../../core/journey.ts';
import type { Edge, Message, Model, ReplyTo, SimContext } from '../../core/model.ts';

/** DynamoDB Streams are polled about four times a second (docs/aws-behaviour.md "polling"). */
const POLL_INTERVAL_MS = 250;
/** DynamoDB Streams keep records 24 hours ("retention"). */
const RETENTION_MS = 24 * 3_600_000;

/**
 * A table's stream (StreamSpecification): one record per item change, on a shard per partition, read by Lambda
 * through the shared stream mapping (core/eventSource). Records are kept only while a mapping still needs them.
 */
export class TableStream implements StreamHost {
  private readonly logs: ShardLog[] = [];
  readonly mappings: StreamMapping[];
  private readonly mRecords: number;
  private readonly mIteratorAgeMs: number;

  constructor(
    private readonly ctx: SimContext,
    private readonly table: Model & { sendOn(edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number): void },
    private shards: number,
    sources: readonly Edge[],
    onFailure: Edge | null,
  ) {
    const m = ctx.metrics;
    const id = table.id;
    for (let i = 0; i < shards; i++) this.logs.push(new ShardLog());
    this.mRecords = m.counter(id, 'StreamRecords');
    this.mIteratorAgeMs = m.level(id, 'GetRecords.IteratorAgeMilliseconds', 'Milliseconds');
    this.mappings = sources.map((edge) => {
      const suffix = sources.length > 1 ? `:${edge.to.id}` : '';
      return new StreamMapping(ctx, this, edge, onFailure, POLL_INTERVAL_MS, streamMappingSettings(edge.properties), {
        iteratorAge: m.distribution(id, `IteratorAge${suffix}`),
        batchesInFlight: m.level(id, `EventSourceBatchesInFlight${suffix}`),
        discarded: m.counter(id, `RecordsDiscarded${suffix}`),
        expired: m.counter(id, `RecordsExpired${suffix}`),
        readThrottled: m.counter(id, `ReadProvisionedThroughputExceeded${suffix}`),
      });
    });
  }

  get id(): string {
    return this.table.id;
  }
  shardCount(): number {
    return this.shards;
  }
  log(shard: number): ShardLog {
    return this.logs[shard];
  }
  retentionMs(): number {
    return RETENTION_MS;
  }
  sendOn(edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number): void {
    this.table.sendOn(edge, msg, replyTo, slot);
  }

  start(): void {
    for (const m of this.mappings) m.start();
  }

  /** The table split its partitions: the stream gets a shard for each. */
  setShards(n: number): void {
    while (this.logs.length < n) this.logs.push(new ShardLog());
    this.shards = Math.max(this.shards, n);
    for (const m of this.mappings) m.syncShards();
  }

  /** `items` item changes on partition `shard`; a sampled write's journey goes on with its first stream record. */
  record(shard: number, now: number, key: number, items: number, sizeKB: number, poison: boolean, trace: Trace | null): void {
    const log = this.logs[shard];
    log.append(now, key, sizeKB, poison, trace);
    for (let i = 1; i < items; i++) log.append(now, key, sizeKB, poison);
    this.ctx.metrics.add(this.mRecords, items);
  }

  updateEdge(edge: Edge): void {
    this.mappings.find((m) => m.edge === edge)?.update(streamMappingSettings(edge.properties));
  }

  get size(): number {
    let n = 0;
    for (const log of this.logs) n += log.size;
    return n;
  }

  /** Once a period: drop what every mapping has read or the retention trimmed; the iterator age. */
  finish(now: number): void {
    this.ctx.metrics.setLevel(this.mIteratorAgeMs, streamUpkeep(this.id, this.logs, this.mappings, now, now - RETENTION_MS), now);
  }
}
