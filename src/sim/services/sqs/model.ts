import { compileDuration, type Sampler } from '../../core/distributions.ts';
import { Model, Outcome, type Edge, type Message, type ReplyTo, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import { Int32Deque } from '../../core/deque.ts';
import type { FifoGroup } from './fifoGroup.ts';
import { EventSourceMapping, type Batch } from './eventSourceMapping.ts';
import { FifoGroups } from './fifoGroups.ts';
import { FifoSendLimit } from './fifoSendLimit.ts';
import { newMessage } from '../../core/message.ts';
import { MessageStore, STATE } from './messageStore.ts';
import { QueueMetrics } from './queueMetrics.ts';
import { redriveOf } from './redrive.ts';
import { traceDeleted, traceExpired, traceMovedToDlq, traceReceive, traceReturned } from './queueTrace.ts';
import { sqsBehaviour, sqsProperties, type SqsBehaviour, type SqsProperties } from './spec.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';

const { VISIBLE, IN_FLIGHT, DELAYED, GONE } = STATE;

/** Event kinds of a queue (its mappings' timers are routed through the queue). */

/** USD per request (docs/aws-behaviour.md has no SQS price row; AWS pricing page, us-east-1, no free tier). */
const PRICE_STANDARD = 0.4 / 1e6;
const PRICE_FIFO = 0.5 / 1e6;
/** Each 64 KB chunk of a payload is billed as one request. */
const CHUNK_KB = 64;
const FIFO_SEND_THROTTLED = Object.freeze({ reason: 'ThrottlingException: FIFO queue send limit' });

/**
 * An SQS queue, standard or FIFO (docs/aws-behaviour.md "SQS, and Lambda polling SQS").
 * Messages live in a MessageStore (typed-array columns, one slot each); the lists below hold slots. Visible
 * messages wait in a ring (FIFO: one ring per message group and a list of groups that may be received). A received message goes to the in-flight list with a deadline now + VisibilityTimeout; since the
 * timeout is one value per queue the deadlines are in receive order, so one timer serves the whole list.
 * Retention is enforced lazily: at the head when the queue is read, and once a period by a sweep.
 */
export class SqsQueue extends Model {
  readonly fifo: boolean;
  private props: SqsProperties;
  private beh: SqsBehaviour;
  private vtMs = 0;
  private retentionMs = 0;
  private delayMs = 0;
  private sendLatency: Sampler;
  private readonly latencyRng: Random;
  private readonly price: number;

  private readonly store = new MessageStore(1024);
  /** FIFO only: each slot's message group. */
  private readonly groupOf: (FifoGroup | null)[] = [];
  // Standard queue: visible messages. FIFO: groups by key, and the groups that may be received now.
  private readonly visible = new Int32Deque(1024);
  private readonly groups = new FifoGroups();
  private readonly inFlight = new Int32Deque(256);
  private readonly delayed = new Int32Deque(16);
  private visibilityTimerAt = -1;
  private delayTimerAt = -1;
  private readonly returning: number[] = [];
  private staleWarned = false;

  private dlq: Edge | null = null;
  private maxReceiveCount = Infinity;
  /** First-enqueue time of the message being redriven, read by the DLQ in receive() (same class). */
  redriveSentAt = 0;
  private mappings: EventSourceMapping[] = [];

  // Exact counts, for the conservation check and the levels.
  readonly count = { sent: 0, redrivenIn: 0, received: 0, deleted: 0, expired: 0, movedToDlq: 0, throttledSends: 0 };
  visibleCount = 0;
  inFlightCount = 0;
  delayedCount = 0;

  private readonly sendLimit = new FifoSendLimit();

  private readonly h: QueueMetrics;

  /** One timer each serves the earliest visibility timeout and the earliest delivery delay. */
  private readonly visibilityTimer: Timer<null>;
  private readonly delayTimer: Timer<null>;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    this.visibilityTimer = ctx.timer(() => this.onVisibilityDue());
    this.delayTimer = ctx.timer(() => this.onDelayDue());
    this.props = sqsProperties.parse(node.properties);
    this.beh = sqsBehaviour.parse(node.behaviour);
    this.fifo = this.props.FifoQueue;
    this.price = this.fifo ? PRICE_FIFO : PRICE_STANDARD;
    this.sendLatency = compileDuration(this.beh.sendLatency);
    this.latencyRng = ctx.random(node.id, 'sendLatency');
    this.applySettings();
    this.h = new QueueMetrics(ctx.metrics, node.id);
  }

  private applySettings(): void {
    this.vtMs = this.props.VisibilityTimeout * 1000;
    this.retentionMs = this.props.MessageRetentionPeriod * 1000;
    this.delayMs = this.props.DelaySeconds * 1000;
    this.sendLatency = compileDuration(this.beh.sendLatency);
  }

  override start(): void {
    const r = redriveOf(this.ctx, this, this.props.RedrivePolicy?.maxReceiveCount, (e) => (e.to instanceof SqsQueue ? e.to.fifo : undefined));
    this.dlq = r.dlq;
    this.maxReceiveCount = r.maxReceiveCount;
    this.mappings = this.out.filter((e) => e.role === 'eventSource').map((e, _i, all) => new EventSourceMapping(this.ctx, this, e, this.beh, all.length > 1 ? `:${e.to.id}` : ''));
  }

  /**
   * A live edit. Messages already in flight keep the deadline they were received with. The in-flight list is
   * kept in receive order, so after the timeout is lowered a message received later can come back late, at most
   * by the old timeout, until the messages received before the edit have come back.
   */
  override update(node: SimNode): void {
    const props = sqsProperties.parse(node.properties);
    if (props.FifoQueue !== this.fifo) this.ctx.warn(this.id, 'FifoQueue cannot change on a live queue (AWS needs a new queue): kept as it was');
    this.props = props;
    this.beh = sqsBehaviour.parse(node.behaviour);
    this.applySettings();
    for (const m of this.mappings) m.updateBehaviour(this.beh);
  }

  /** SendMessage (a caller, an SNS subscription, a Lambda destination) or a redrive from a source queue. */
  override receive(msg: Message, edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    const now = this.ctx.now;
    let sentAt = now;
    if (edge.role === 'deadLetter' && edge.from instanceof SqsQueue) {
      // Redrive: not a NumberOfMessagesSent; age keeps counting from the first enqueue (aws-behaviour: DLQ metrics, redrive).
      sentAt = edge.from.redriveSentAt;
      this.count.redrivenIn++;
      msg.trace?.hop(this.id, 'deadLetter', `arrives from ${edge.from.id}`, now, now, 'a redrive, not a NumberOfMessagesSent');
    } else {
      if (this.fifo && replyTo !== null && !this.sendLimit.take(now, this.fifoSendRate())) {
        this.count.throttledSends++;
        this.ctx.metrics.add(this.h.throttled, 1);
        msg.trace?.hop(this.id, 'throttle', 'SendMessage throttled', now, now, FIFO_SEND_THROTTLED.reason);
        replyTo.reply(slot, Outcome.Throttled, now, FIFO_SEND_THROTTLED);
        return;
      }
      this.count.sent++;
      this.ctx.metrics.add(this.h.sent, 1);
      this.charge(Math.max(1, Math.ceil(msg.sizeKB / CHUNK_KB)));
      msg.trace?.hop(this.id, 'event', 'SendMessage', now, now);
    }
    this.enqueue(msg, sentAt);
    replyTo?.reply(slot, Outcome.Ok, now + this.sendLatency(this.latencyRng));
  }

  private fifoSendRate(): number {
    const highThroughput = this.props.FifoThroughputLimit === 'perMessageGroupId' && this.props.DeduplicationScope === 'messageGroup';
    return highThroughput ? this.beh.fifoHighThroughputSendsPerSecond : this.beh.fifoSendsPerSecond;
  }

  private enqueue(msg: Message, sentAt: number): void {
    const store = this.store;
    const slot = store.add(msg, sentAt);
    if (this.fifo) this.groupOf[slot] = this.groups.groupFor(msg.key);
    if (this.delayMs > 0) {
      store.setState(slot, DELAYED);
      store.setUntil(slot, this.ctx.now + this.delayMs);
      this.delayed.pushBack(slot);
      this.delayedCount++;
      if (this.delayTimerAt < 0) this.armDelayTimer();
      this.ctx.metrics.setLevel(this.h.delayed, this.delayedCount, this.ctx.now);
      return;
    }
    this.makeVisible(slot, false);
    this.ctx.metrics.setLevel(this.h.visible, this.visibleCount, this.ctx.now);
    this.notifyMappings();
  }

  /** Puts a message where it can be received; `front` for messages coming back (they are the oldest). */
  private makeVisible(slot: number, front: boolean): void {
    this.store.setState(slot, VISIBLE);
    this.visibleCount++;
    const g = this.fifo ? this.groupOf[slot] : null;
    if (g === null || g === undefined) {
      if (front) this.visible.pushFront(slot);
      else this.visible.pushBack(slot);
      return;
    }
    if (front) g.msgs.pushFront(slot);
    else g.msgs.pushBack(slot);
    this.groups.settle(g);
  }

  /** A gone message left the last list that named it: its slot is freed (once no batch names it either). */
  private forget(slot: number): void {
    if (this.fifo) this.groupOf[slot] = null;
    this.store.unlist(slot);
  }

  /** A batch ended: its messages' slots are no longer named by it. */
  releaseBatch(batch: Batch): void {
    const slots = batch.slots;
    for (let i = 0; i < batch.size; i++) this.store.dropRef(slots[i]);
  }

  /** Whether a receive could return a message now. */
  hasReceivable(): boolean {
    return this.fifo ? this.groups.ready.size > 0 : this.visibleCount > 0;
  }

  /**
   * ReceiveMessage for a mapping's batch: moves up to `max` messages (and at most `maxKB` of payload) in flight.
   * FIFO: takes whole runs of a group's messages, and a group with a message in flight is not received from.
   */
  receiveInto(batch: Batch, max: number, maxKB: number): void {
    const store = this.store;
    let kb = 0;
    if (this.fifo) {
      let full = false;
      while (!full && batch.size < max && this.groups.ready.size > 0) {
        const g = this.groups.takeReady();
        while (batch.size < max && g.msgs.size > 0) {
          const slot = g.msgs.peekFront();
          if (store.state(slot) === GONE) {
            this.forget(g.msgs.popFront()); // deleted late, after it became visible again
            continue;
          }
          if (batch.size > 0 && kb + store.sizeKB(slot) > maxKB) {
            full = true;
            break;
          }
          g.msgs.popFront();
          this.visibleCount--;
          if (this.takeOne(slot, batch)) kb += store.sizeKB(slot);
        }
        this.groups.settle(g);
      }
    } else {
      const visible = this.visible;
      while (batch.size < max && visible.size > 0) {
        const slot = visible.peekFront();
        if (store.state(slot) === GONE) {
          this.forget(visible.popFront()); // deleted late, after it became visible again
          continue;
        }
        if (batch.size > 0 && kb + store.sizeKB(slot) > maxKB) break;
        visible.popFront();
        this.visibleCount--;
        if (this.takeOne(slot, batch)) kb += store.sizeKB(slot);
      }
    }
    const n = batch.size;
    if (n > 0) {
      this.count.received += n;
      this.ctx.metrics.add(this.h.received, n);
      this.charge(Math.max(Math.ceil(n / 10), Math.ceil(kb / CHUNK_KB)));
      if (this.visibilityTimerAt < 0) this.armVisibilityTimer();
    }
    this.setLevels();
  }

  /** One message at the head: expired, redriven, or received into the batch (true). */
  private takeOne(slot: number, batch: Batch): boolean {
    const now = this.ctx.now;
    const store = this.store;
    if (now - store.sentAt(slot) >= this.retentionMs) {
      this.expire(slot);
      this.forget(slot);
      return false;
    }
    // aws-behaviour "redrive": received more than maxReceiveCount times -> the DLQ, at the next receive.
    if (store.receives(slot) >= this.maxReceiveCount && this.dlq !== null) {
      if (store.traced(slot)) traceMovedToDlq(this.id, this.dlq.to.id, store, slot, this.maxReceiveCount, now);
      this.moveToDlq(slot);
      this.forget(slot);
      return false;
    }
    const receipt = store.received(slot);
    if (store.traced(slot)) traceReceive(this.id, store, slot, receipt, this.maxReceiveCount, now);
    store.setState(slot, IN_FLIGHT);
    store.setUntil(slot, now + this.vtMs);
    this.inFlight.pushBack(slot);
    this.inFlightCount++;
    const g = this.fifo ? this.groupOf[slot] : null;
    if (g) g.inFlight++;
    store.addRef(slot);
    batch.add(slot, receipt);
    return true;
  }

  /** Fills a batch's records from its slots (record objects reused from batch to batch). */
  fillRecords(batch: Batch): void {
    const { slots, spare, size } = batch;
    // A new array each batch: cutting a reused array's length costs more than allocating one.
    const records = new Array<Message>(size);
    for (let i = 0; i < size; i++) {
      if (spare.length <= i) spare.push(newMessage());
      records[i] = this.store.message(slots[i], spare[i]);
    }
    batch.records = records;
    batch.msg.records = records;
  }

  /**
   * DeleteMessage(Batch) with the receipt of each message's receive (SQS "delete"): the most recent receipt
   * deletes the message even after its visibility timeout passed, as long as nobody received it again meanwhile
   * (it is then visible, and is dropped from its list lazily); an older receipt deletes nothing, so that message
   * is processed twice. Records in `skip` (reported failures) are not deleted.
   */
  deleteEntries(batch: Batch, skip: Set<Message> | null): void {
    const store = this.store;
    const { slots, receipts, records } = batch;
    let n = 0;
    for (let i = 0; i < batch.size; i++) {
      if (skip !== null && skip.has(records[i])) continue;
      n++;
      const slot = slots[i];
      if (store.receives(slot) !== receipts[i]) {
        this.warnStaleReceipt();
        if (store.traced(slot)) traceDeleted(this.id, store, slot, true, this.ctx.now);
        continue;
      }
      if (store.traced(slot)) traceDeleted(this.id, store, slot, false, this.ctx.now);
      const state = store.state(slot);
      if (state === IN_FLIGHT) {
        this.inFlightCount--;
        const g = this.fifo ? this.groupOf[slot] : null;
        if (g) this.releaseGroup(g);
      } else if (state === VISIBLE) this.visibleCount--;
      else continue; // already expired or moved
      store.setState(slot, GONE);
      this.count.deleted++;
      this.ctx.metrics.add(this.h.deleted, 1);
    }
    const requests = Math.ceil(n / 10);
    if (requests > 0) this.charge(requests);
    this.setLevels();
    if (this.fifo) this.notifyMappings();
  }

  /** aws-behaviour "advice to surface": a batch outlived the visibility timeout and was delivered twice. */
  private warnStaleReceipt(): void {
    if (this.staleWarned) return;
    this.staleWarned = true;
    this.ctx.warn(
      this.id,
      `a batch took longer than the ${this.props.VisibilityTimeout} s visibility timeout, so its messages were delivered again while being processed; AWS advises a VisibilityTimeout of at least 6 x the function's Timeout`,
    );
  }

  private releaseGroup(g: FifoGroup): void {
    g.inFlight--;
    this.groups.settle(g);
  }

  /** A slot dropped from the head of a group by the retention sweep: expired now, or gone before. */
  private readonly dropFromGroup = (slot: number, expired: boolean): void => {
    if (expired) {
      this.visibleCount--;
      this.expire(slot);
    }
    this.forget(slot);
  };

  private expire(slot: number): void {
    if (this.store.traced(slot)) traceExpired(this.id, this.store, slot, this.retentionMs, this.ctx.now);
    this.store.setState(slot, GONE);
    this.count.expired++;
    this.ctx.metrics.add(this.h.expired, 1);
  }

  private moveToDlq(slot: number): void {
    this.store.setState(slot, GONE);
    this.count.movedToDlq++;
    this.ctx.metrics.add(this.h.moved, 1);
    this.redriveSentAt = this.store.sentAt(slot);
    this.send(this.dlq as Edge, this.store.copy(slot), null, -1);
  }

  /** Drops the in-flight list's head while it names messages no longer in flight (deleted ones are freed). */
  private trimInFlight(): void {
    const q = this.inFlight;
    while (q.size > 0 && this.store.state(q.peekFront()) !== IN_FLIGHT) this.forget(q.popFront());
  }

  private armVisibilityTimer(): void {
    this.trimInFlight();
    const q = this.inFlight;
    if (q.size === 0) return;
    this.visibilityTimerAt = this.store.until(q.peekFront());
    this.visibilityTimer.at(this.visibilityTimerAt, null);
  }

  /** Messages whose visibility timeout passed come back (aws-behaviour "visibility timeout"). */
  private onVisibilityDue(): void {
    this.visibilityTimerAt = -1;
    const now = this.ctx.now;
    const store = this.store;
    const q = this.inFlight;
    const back = this.returning;
    while (q.size > 0) {
      const slot = q.peekFront();
      if (store.state(slot) !== IN_FLIGHT) {
        this.forget(q.popFront());
        continue;
      }
      if (store.until(slot) > now) break;
      q.popFront();
      this.inFlightCount--;
      if (store.traced(slot)) traceReturned(this.id, store, slot, this.vtMs);
      back.push(slot);
    }
    // Back to the front in their original order: they are older than anything that arrived since.
    for (let i = back.length - 1; i >= 0; i--) {
      const slot = back[i];
      const g = this.fifo ? this.groupOf[slot] : null;
      if (g) g.inFlight--;
      if (now - store.sentAt(slot) >= this.retentionMs) {
        this.expire(slot);
        this.forget(slot);
      } else this.makeVisible(slot, true);
      if (g) this.groups.settle(g);
    }
    back.length = 0;
    this.armVisibilityTimer();
    this.setLevels();
    this.notifyMappings();
  }

  private armDelayTimer(): void {
    if (this.delayed.size === 0) return;
    this.delayTimerAt = this.store.until(this.delayed.peekFront());
    this.delayTimer.at(this.delayTimerAt, null);
  }

  private onDelayDue(): void {
    this.delayTimerAt = -1;
    const now = this.ctx.now;
    const store = this.store;
    while (this.delayed.size > 0 && store.until(this.delayed.peekFront()) <= now) {
      const slot = this.delayed.popFront();
      this.delayedCount--;
      if (now - store.sentAt(slot) >= this.retentionMs) {
        this.expire(slot);
        this.forget(slot);
      } else this.makeVisible(slot, false);
    }
    this.armDelayTimer();
    this.ctx.metrics.setLevel(this.h.delayed, this.delayedCount, now);
    this.setLevels();
    this.notifyMappings();
  }

  private notifyMappings(): void {
    const ms = this.mappings;
    for (let i = 0; i < ms.length; i++) ms[i].wake();
  }

  private setLevels(): void {
    const now = this.ctx.now;
    this.ctx.metrics.setLevel(this.h.visible, this.visibleCount, now);
    this.ctx.metrics.setLevel(this.h.notVisible, this.inFlightCount, now);
  }

  /** Invokes a mapping's function with a batch (Model.send is protected). */
  deliver(edge: Edge, msg: Message, replyTo: ReplyTo, slot: number): void {
    this.send(edge, msg, replyTo, slot);
  }

  charge(requests: number): void {
    this.ctx.metrics.add(this.h.cost, requests * this.price);
  }

  /** Once a period: retention sweep at the heads, the age of the oldest message, mapping accounting. */
  override finish(): void {
    const now = this.ctx.now;
    const store = this.store;
    let oldest = Infinity;
    if (this.fifo) {
      oldest = this.groups.sweep(store, now, this.retentionMs, this.dropFromGroup);
    } else {
      const visible = this.visible;
      while (visible.size > 0 && (store.state(visible.peekFront()) === GONE || now - store.sentAt(visible.peekFront()) >= this.retentionMs)) {
        const slot = visible.popFront();
        if (store.state(slot) !== GONE) {
          this.expire(slot);
          this.visibleCount--;
        }
        this.forget(slot);
      }
      if (visible.size > 0) oldest = store.sentAt(visible.peekFront());
    }
    this.trimInFlight();
    const q = this.inFlight;
    if (q.size > 0) oldest = Math.min(oldest, store.sentAt(q.peekFront()));
    this.ctx.metrics.setLevel(this.h.age, oldest === Infinity ? 0 : Math.floor((now - oldest) / 1000), now);
    this.setLevels();
    for (const m of this.mappings) m.account(now);
  }

  /** A live edit of an event source mapping's edge (BatchSize, window, ...). */
  override updateEdge(edge: Edge): void {
    this.mappings.find((m) => m.edge === edge)?.configure();
  }

  override backlog(): number {
    return this.held;
  }

  /** Messages this queue still holds: visible, in flight or delayed. */
  get held(): number {
    return this.visibleCount + this.inFlightCount + this.delayedCount;
  }
}

export const createModel: ModelFactory = (ctx, node) => new SqsQueue(ctx, node);
