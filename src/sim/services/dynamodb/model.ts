import { compileDuration, type Sampler } from '../../core/distributions.ts';
import { Model, Outcome, type Edge, type Message, type ReplyInfo, type ReplyTo, type SimContext, type SimNode } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import { COST_METRIC } from '../../core/costMetric.ts';
import { capacityUnits, isWrite } from './capacityUnits.ts';
import { PartitionPicker, partitionOfKey, type KeySkew } from './keySkew.ts';
import { TableStream } from './tableStream.ts';
import { DYNAMODB_PRICES, dynamodbBehaviour, dynamodbCallSchema, dynamodbProperties, provisionedCapacity, type DynamoBehaviour } from './spec.ts';
import { PartitionThroughput, type ThroughputConfig } from './throughput.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';

/** docs/aws-behaviour.md "DynamoDB: partitions": the most one partition serves a second, and 10 GB each. */
export const PARTITION_MAX_RCU = 3000;
export const PARTITION_MAX_WCU = 1000;
export const PARTITION_MAX_GB = 10;

/** Partitions a table needs for its capacity and its size. */
export function partitionCount(rcu: number, wcu: number, sizeGB: number): number {
  return Math.max(1, Math.ceil(rcu / PARTITION_MAX_RCU + wcu / PARTITION_MAX_WCU - 1e-9), Math.ceil(sizeGB / PARTITION_MAX_GB - 1e-9));
}

const PROVISIONED_THROTTLE: ReplyInfo = { reason: 'ProvisionedThroughputExceededException' };
const ON_DEMAND_THROTTLE: ReplyInfo = { reason: 'ThrottlingException' };

/** What one call on an inbound edge costs, worked out once per edge. */
interface CallPlan {
  write: boolean;
  units: number;
  /** Items one call changes (stream records of a write). */
  items: number;
  sizeKB: number;
}

/**
 * An AWS::DynamoDB::Table. Each call (a message on a `call` edge, with a ReplyTo) is routed to a partition by its
 * key, takes its capacity units from that partition's read or write throughput, and is answered Ok after
 * the request latency or Throttled with AWS's exception name. Capacity rules: throughput.ts.
 */
export class DynamoTableModel extends Model {
  private reads!: PartitionThroughput;
  private writes!: PartitionThroughput;
  private picker!: PartitionPicker;
  private skew!: KeySkew;
  private behaviour!: DynamoBehaviour;
  private onDemand = false;
  private sizeGB = 0;
  private latency!: Sampler;
  private hourlyUSD = 0;
  private costAccruedTo = 0;
  private plans: (CallPlan | undefined)[] = [];
  private readonly keyRng: Random;
  private readonly latencyRng: Random;

  private readonly mConsumedRead: number;
  private readonly mConsumedWrite: number;
  private readonly mProvisionedRead: number;
  private readonly mProvisionedWrite: number;
  private readonly mReadThrottles: number;
  private readonly mWriteThrottles: number;
  private readonly mLatency: number;
  /** The table's stream, when a function reads it. */
  private stream: TableStream | null = null;
  private streamEnabled = false;
  private readonly mCost: number;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    const m = ctx.metrics;
    this.mConsumedRead = m.counter(node.id, 'ConsumedReadCapacityUnits');
    this.mConsumedWrite = m.counter(node.id, 'ConsumedWriteCapacityUnits');
    this.mProvisionedRead = m.level(node.id, 'ProvisionedReadCapacityUnits');
    this.mProvisionedWrite = m.level(node.id, 'ProvisionedWriteCapacityUnits');
    this.mReadThrottles = m.counter(node.id, 'ReadThrottleEvents');
    this.mWriteThrottles = m.counter(node.id, 'WriteThrottleEvents');
    this.mLatency = m.distribution(node.id, 'SuccessfulRequestLatency');
    this.mCost = m.counter(node.id, COST_METRIC, 'USD');
    this.keyRng = ctx.random(node.id, 'key');
    this.latencyRng = ctx.random(node.id, 'latency');
    this.configure(node);
  }

  /** Partitions the table has now (grows with on-demand capacity). */
  get partitions(): number {
    return this.writes.partitions;
  }

  override update(node: SimNode): void {
    this.accrueCost();
    this.configure(node);
  }

  /** Consumed capacity per second against what the table serves now: provisioned RCU/WCU, or on-demand's ceiling. */
  override limits(): Readonly<Record<string, number>> {
    return { ConsumedReadCapacityUnits: this.reads.tableCapacity, ConsumedWriteCapacityUnits: this.writes.tableCapacity };
  }

  private configure(node: SimNode): void {
    const props = dynamodbProperties.parse(node.properties);
    const b = dynamodbBehaviour.parse(node.behaviour);
    this.behaviour = b;
    this.onDemand = props.BillingMode === 'PAY_PER_REQUEST';
    this.streamEnabled = props.StreamSpecification.StreamEnabled;
    this.sizeGB = b.tableSizeGB;
    const cap = provisionedCapacity(props);
    const rcu = this.onDemand ? b.onDemandInitialReadsPerSecond : cap.read;
    const wcu = this.onDemand ? b.onDemandInitialWritesPerSecond : cap.write;
    const partitions = partitionCount(rcu, wcu, b.tableSizeGB);
    const base = { partitions, burstSeconds: b.burstSeconds, adaptive: b.adaptiveCapacity, onDemand: this.onDemand };
    const readConfig: ThroughputConfig = { ...base, provisioned: cap.read, partitionMax: PARTITION_MAX_RCU, onDemandInitial: b.onDemandInitialReadsPerSecond };
    const writeConfig: ThroughputConfig = { ...base, provisioned: cap.write, partitionMax: PARTITION_MAX_WCU, onDemandInitial: b.onDemandInitialWritesPerSecond };
    this.reads = new PartitionThroughput(readConfig);
    this.writes = new PartitionThroughput(writeConfig);
    this.skew = { distribution: b.keyDistribution, keys: b.keys, zipfExponent: b.zipfExponent, hotKeyShare: b.hotKeyShare };
    this.picker = new PartitionPicker(this.skew, partitions);
    this.latency = compileDuration(b.latency);
    this.hourlyUSD = this.onDemand ? 0 : cap.read * DYNAMODB_PRICES.rcuHour + cap.write * DYNAMODB_PRICES.wcuHour;
    this.plans = [];
    const now = this.ctx.now;
    this.ctx.metrics.setLevel(this.mProvisionedRead, this.onDemand ? 0 : cap.read, now);
    this.ctx.metrics.setLevel(this.mProvisionedWrite, this.onDemand ? 0 : cap.write, now);
  }

  private planFor(edge: Edge): CallPlan {
    const call = dynamodbCallSchema.safeParse(edge.properties);
    if (!call.success) {
      const issue = call.error.issues[0];
      throw new Error(`edge ${edge.from.id} -> ${this.id}: properties.${issue.path.join('.')}: ${issue.message}`);
    }
    const op = call.data.operation;
    const size = call.data.itemSizeKB ?? this.behaviour.itemSizeKB;
    const plan = {
      write: isWrite(op),
      units: capacityUnits(op, size, call.data.itemsPerRequest, call.data.consistency),
      items: call.data.itemsPerRequest,
      sizeKB: size,
    };
    this.plans[edge.index] = plan;
    return plan;
  }

  override receive(msg: Message, edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    const plan = this.plans[edge.index] ?? this.planFor(edge);
    const now = this.ctx.now;
    const dimension = plan.write ? this.writes : this.reads;
    const p = msg.key >= 0 ? partitionOfKey(msg.key, dimension.partitions) : this.picker.pick(this.keyRng);
    const ok = dimension.consume(p, plan.units, now);
    const metrics = this.ctx.metrics;
    const latency = this.latency(this.latencyRng);
    if (this.onDemand && dimension.partitions !== this.neededPartitions()) this.grow();
    if (!ok) {
      metrics.add(plan.write ? this.mWriteThrottles : this.mReadThrottles, 1);
      const info = this.onDemand ? ON_DEMAND_THROTTLE : PROVISIONED_THROTTLE;
      // aws-behaviour DynamoDB "throttle" (the caller's SDK retries, recorded by the caller).
      msg.trace?.hop(this.id, 'throttle', `${plan.write ? 'write' : 'read'} throttled`, now, now + latency, `${info.reason ?? ''} · partition ${p}`);
      replyTo?.reply(slot, Outcome.Throttled, now + latency, info);
      return;
    }
    metrics.add(plan.write ? this.mConsumedWrite : this.mConsumedRead, plan.units);
    if (this.onDemand)
      metrics.add(this.mCost, plan.units * (plan.write ? DYNAMODB_PRICES.writeRequestUnit : DYNAMODB_PRICES.readRequestUnit));
    metrics.record(this.mLatency, latency);
    if (plan.write && this.stream !== null) this.stream.record(p, now, msg.key, plan.items, plan.sizeKB, msg.poison, msg.trace);
    msg.trace?.hop(this.id, 'work', plan.write ? 'write' : 'read', now, now + latency, `${plan.units} ${plan.write ? 'WCU' : 'RCU'} · partition ${p}`);
    replyTo?.reply(slot, Outcome.Ok, now + latency);
  }

  /** StreamSpecification: the table's changes become stream records when a function reads them (eventSource edges). */
  override start(): void {
    const sources = this.out.filter((e) => e.role === 'eventSource');
    if (sources.length === 0 || !this.streamEnabled) return;
    const onFailure = this.out.find((e) => e.role === 'onFailure') ?? null;
    this.stream = new TableStream(this.ctx, this, this.partitions, sources, onFailure);
    this.stream.start();
  }

  sendOn(edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number): void {
    this.send(edge, msg, replyTo, slot);
  }

  override updateEdge(edge: Edge): void {
    this.stream?.updateEdge(edge);
  }

  override backlog(): number {
    return this.stream?.size ?? 0;
  }

  /** On-demand: partitions for the capacity the table serves now (they split as it grows, never merge). */
  private neededPartitions(): number {
    return Math.max(this.writes.partitions, partitionCount(this.reads.tableCapacity, this.writes.tableCapacity, this.sizeGB));
  }

  private grow(): void {
    const n = this.neededPartitions();
    this.reads.setPartitions(n);
    this.writes.setPartitions(n);
    this.picker = new PartitionPicker(this.skew, n);
    this.stream?.setShards(n);
  }

  private accrueCost(): void {
    const now = this.ctx.now;
    if (this.hourlyUSD > 0 && now > this.costAccruedTo) this.ctx.metrics.add(this.mCost, (this.hourlyUSD * (now - this.costAccruedTo)) / 3_600_000);
    this.costAccruedTo = now;
  }

  override finish(): void {
    this.accrueCost();
    this.stream?.finish(this.ctx.now);
  }
}

export const createModel: ModelFactory = (ctx, node) => new DynamoTableModel(ctx, node);
