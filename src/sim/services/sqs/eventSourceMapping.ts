import { failedRecordsOf } from '../../core/eventSource/mappingSettings.ts';
import { joinTrace, type Trace } from '../../core/journey.ts';
import { Outcome, type Edge, type Message, type ReplyInfo, type ReplyTo, type SimContext, type Timer } from '../../core/model.ts';
import { grownTo } from '../../core/slotPool.ts';
import { newMessage } from '../../core/message.ts';
import type { SqsQueue } from './model.ts';
import { eventSourceMappingSchema, type SqsBehaviour } from './spec.ts';

/** A batch (one invocation) is at most 6 MB of payload. */
const MAX_BATCH_KB = 6 * 1024;
const FIFO_MAX_BATCH = 10;
const TICK_MS = 1000;
/** The mapping long-polls with a 20 s wait, so an idle poller makes one empty ReceiveMessage per 20 s. */
const LONG_POLL_MS = 20_000;

/**
 * One in-flight invocation of a mapping, reused with its arrays and record objects. Its index is the slot the
 * function's answer comes back with.
 */
export class Batch {
  /** Messages received into it: the queue's slots [0, size), with each receive's receipt. */
  slots = new Int32Array(16);
  receipts = new Int32Array(16);
  size = 0;
  /** The records the function gets (records[i] is the message in slots[i]), and the invocation event. */
  records: Message[] = [];
  /** Record objects this batch fills from the queue's columns, reused. */
  readonly spare: Message[] = [];
  readonly msg: Message = newMessage();
  outcome: Outcome = Outcome.Ok;
  info: ReplyInfo | undefined = undefined;

  constructor(readonly index: number) {}

  add(slot: number, receipt: number): void {
    if (this.size === this.slots.length) {
      this.slots = grownTo(this.slots, this.size * 2);
      this.receipts = grownTo(this.receipts, this.size * 2);
    }
    this.slots[this.size] = slot;
    this.receipts[this.size++] = receipt;
  }

  clear(): void {
    this.size = 0;
    this.info = undefined;
  }
}

/**
 * Lambda's event source mapping for an SQS queue (docs/aws-behaviour.md "pollers", "ceiling", "batching",
 * "failure", "FIFO"). The poller fleet is modelled as a target number of concurrent batches:
 *  - it starts at 5 when messages appear, and every second that finds every poller busy and at least a full
 *    batch waiting it grows by scale-up-per-minute / 60 (300/min: 5 a second), up to
 *    min(1,250, ScalingConfig.MaximumConcurrency);
 *  - each scale-down window it drops to the most batches it had in flight during the window (never below 5
 *    while messages are there, 2 when idle) -- AWS does not publish how it scales down;
 *  - a throttled batch stays invisible until its visibility timeout (its ReceiveCount already went up), the
 *    poller backs off, and the target drops to the batches the function accepted.
 * Idle pollers wait in a long poll and take messages the moment they become visible.
 */
export class EventSourceMapping implements ReplyTo {
  private readonly doneTimer: Timer<Batch>;
  private readonly backoffTimer: Timer<null>;
  private readonly windowTimer: Timer<null>;
  private readonly tickTimer: Timer<null>;
  private batchSize: number;
  private windowMs: number;
  private maximumConcurrency: number;
  private cap = 1250;
  private reportItemFailures: boolean;
  private enabled: boolean;
  private initial = 5;
  private minimum = 2;
  private perSecond = 5;
  private scaleDownMs = 60_000;
  private backoffMs = 1000;

  /** Target concurrent batches (fractional while ramping). */
  target = 0;
  busy = 0;
  private backingOff = 0;
  private peakBusy = 0;
  private sinceScaleDown = 0;
  private windowStart = -1;
  private tickPending = false;
  private lastAccountAt = 0;
  private readonly spare: Batch[] = [];
  /** Every batch made, by index. */
  private readonly batches: Batch[] = [];
  private readonly hPollers: number;
  private beh: SqsBehaviour | null = null;
  private readonly hBusy: number;

  constructor(
    private readonly ctx: SimContext,
    private readonly queue: SqsQueue,
    readonly edge: Edge,
    beh: SqsBehaviour,
    metricSuffix: string,
  ) {
    this.doneTimer = ctx.timer((b) => this.complete(b));
    this.backoffTimer = ctx.timer(() => {
      this.backingOff--;
      this.dispatch();
    });
    this.windowTimer = ctx.timer(() => this.dispatch());
    this.tickTimer = ctx.timer(() => this.tick());
    this.batchSize = 10;
    this.windowMs = 0;
    this.reportItemFailures = false;
    this.enabled = true;
    this.maximumConcurrency = Infinity;
    this.configure();
    this.updateBehaviour(beh);
    this.target = this.minimum;
    this.hPollers = ctx.metrics.level(queue.id, `EventSourcePollers${metricSuffix}`);
    this.hBusy = ctx.metrics.level(queue.id, `EventSourceBatchesInFlight${metricSuffix}`);
    ctx.metrics.setLevel(this.hPollers, this.enabled ? this.minimum : 0, 0);
  }

  /** Reads the mapping's settings from its edge (at start, and after a live edit of the edge). */
  configure(): void {
    const { ctx, queue, edge } = this;
    const parsed = eventSourceMappingSchema.safeParse(edge.properties);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`edge ${queue.id} -> ${edge.to.id}: ${issue.path.join('.') || 'properties'}: ${issue.message}`);
    }
    const p = parsed.data;
    let batchSize = p.BatchSize;
    if (queue.fifo && batchSize > FIFO_MAX_BATCH) {
      ctx.warn(queue.id, `BatchSize ${batchSize} on ${edge.to.id} is above the FIFO maximum of ${FIFO_MAX_BATCH}: using ${FIFO_MAX_BATCH}`);
      batchSize = FIFO_MAX_BATCH;
    }
    this.batchSize = batchSize;
    this.windowMs = p.MaximumBatchingWindowInSeconds * 1000;
    this.reportItemFailures = p.FunctionResponseTypes.includes('ReportBatchItemFailures');
    const wasEnabled = this.enabled;
    this.enabled = p.Enabled;
    this.maximumConcurrency = p.ScalingConfig?.MaximumConcurrency ?? Infinity;
    if (this.beh !== null) {
      this.updateBehaviour(this.beh);
      if (this.enabled && !wasEnabled) this.dispatch();
    }
  }

  updateBehaviour(beh: SqsBehaviour): void {
    this.beh = beh;
    this.cap = Math.min(beh.pollersMaximum, this.maximumConcurrency);
    if (this.target > this.cap) this.setTarget(this.cap);
    this.initial = Math.min(beh.pollersInitial, this.cap);
    this.minimum = Math.min(beh.pollersMinimum, this.initial);
    this.perSecond = beh.pollersScaleUpPerMinute / 60;
    this.scaleDownMs = beh.pollersScaleDownSeconds * 1000;
    this.backoffMs = beh.throttleBackoffMs;
  }

  /** The queue has messages that may be received. */
  wake(): void {
    if (!this.enabled) return;
    if (this.target < this.initial) this.setTarget(this.initial);
    if (this.busy + this.backingOff < Math.floor(this.target)) this.dispatch();
    if (!this.tickPending) this.scheduleTick();
  }

  private dispatch(): void {
    const q = this.queue;
    while (this.busy + this.backingOff < Math.floor(this.target) && q.hasReceivable()) {
      if (this.windowMs > 0 && q.visibleCount < this.batchSize) {
        // aws-behaviour "batching": wait up to the window for a full batch.
        if (this.windowStart < 0) {
          this.windowStart = this.ctx.now;
          this.windowTimer.at(this.ctx.now + this.windowMs, null);
        }
        if (this.ctx.now < this.windowStart + this.windowMs) break;
      }
      const b = this.spare.pop() ?? this.newBatch();
      q.receiveInto(b, this.batchSize, MAX_BATCH_KB);
      if (!q.hasReceivable()) this.windowStart = -1;
      if (b.size === 0) {
        this.spare.push(b);
        continue;
      }
      this.invoke(b);
    }
  }

  private newBatch(): Batch {
    const b = new Batch(this.batches.length);
    this.batches.push(b);
    return b;
  }

  private invoke(b: Batch): void {
    this.busy++;
    if (this.busy > this.peakBusy) this.peakBusy = this.busy;
    this.ctx.metrics.setLevel(this.hBusy, this.busy, this.ctx.now);
    this.queue.fillRecords(b);
    const records = b.records;
    let createdAt = Infinity;
    let sizeKB = 0;
    // The invocation event carries the traces of its sampled records, so their journeys go on into the function.
    let trace: Trace | null = null;
    for (let i = 0; i < records.length; i++) {
      const m = records[i];
      if (m.createdAt < createdAt) createdAt = m.createdAt;
      sizeKB += m.sizeKB;
      if (m.trace !== null) trace = joinTrace(trace, m.trace);
    }
    const msg = b.msg;
    msg.trace = trace;
    trace?.hop(this.queue.id, 'event', `polled in a batch of ${records.length}`, this.ctx.now, this.ctx.now, `event source mapping to ${this.edge.to.id}`);
    msg.id = this.ctx.nextMessageId();
    msg.createdAt = createdAt;
    msg.sizeKB = sizeKB;
    msg.key = records[0].key;
    this.queue.deliver(this.edge, msg, this, b.index);
  }

  /** The function's answer for the batch whose index is `slot`. */
  reply(slot: number, outcome: Outcome, doneAt: number, info?: ReplyInfo): void {
    const b = this.batches[slot];
    b.outcome = outcome;
    b.info = info;
    if (doneAt > this.ctx.now) this.doneTimer.at(doneAt, b);
    else this.complete(b);
  }

  complete(b: Batch): void {
    this.busy--;
    this.ctx.metrics.setLevel(this.hBusy, this.busy, this.ctx.now);
    const outcome = b.outcome;
    if (outcome === Outcome.Ok) {
      // aws-behaviour "failure": with ReportBatchItemFailures only the reported records stay for a retry.
      const failed = failedRecordsOf(b.info, this.reportItemFailures);
      const skip = failed !== null ? new Set(failed) : null;
      this.queue.deleteEntries(b, skip);
    } else if (outcome === Outcome.Throttled) {
      // aws-behaviour "ceiling": throttled polls return the messages (after the visibility timeout).
      this.backingOff++;
      this.backoffTimer.at(this.ctx.now + this.backoffMs, null);
      this.setTarget(Math.max(this.initial, this.busy));
    }
    // Function errors and timeouts: the whole batch becomes visible again after the visibility timeout.
    this.queue.releaseBatch(b);
    b.clear();
    this.spare.push(b);
    if (this.enabled) this.dispatch();
  }

  private tick(): void {
    this.tickPending = false;
    const q = this.queue;
    const waiting = q.hasReceivable();
    // A backlog: every poller busy and at least a full batch waiting.
    if (waiting && q.visibleCount >= this.batchSize && this.busy + this.backingOff >= Math.floor(this.target)) {
      this.setTarget(Math.min(this.cap, this.target + (this.perSecond * TICK_MS) / 1000));
    }
    this.sinceScaleDown += TICK_MS;
    if (this.sinceScaleDown >= this.scaleDownMs) {
      // Messages still waiting means every poller was needed: no scale-down then.
      const needed = Math.max(this.busy > 0 ? this.initial : this.minimum, this.peakBusy);
      if (!waiting && needed < this.target) this.setTarget(needed);
      this.peakBusy = this.busy;
      this.sinceScaleDown = 0;
    }
    this.dispatch();
    if (this.busy > 0 || this.backingOff > 0 || q.hasReceivable() || this.target > this.minimum) this.scheduleTick();
  }

  private scheduleTick(): void {
    this.tickPending = true;
    this.tickTimer.at(this.ctx.now + TICK_MS, null);
  }

  private setTarget(t: number): void {
    this.target = t;
    this.ctx.metrics.setLevel(this.hPollers, Math.floor(t), this.ctx.now);
  }

  /** Estimated empty long-poll receives of idle pollers since the last call, billed to the queue. */
  account(now: number): void {
    if (!this.enabled) return;
    const idle = Math.max(0, Math.floor(this.target) - this.busy - this.backingOff);
    this.queue.charge((idle * (now - this.lastAccountAt)) / LONG_POLL_MS);
    this.lastAccountAt = now;
  }
}
