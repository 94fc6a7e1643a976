import { compileDuration, type Sampler } from '../../core/distributions.ts';
import { Model, Outcome, OUTCOME_NAMES, type Edge, type Message, type ReplyTo, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import { COST_METRIC } from '../../core/costMetric.ts';
import { SlotPool } from '../../core/slotPool.ts';
import { snsRetryDelayMs, SNS_TOTAL_RETRIES } from './deliveryRetry.ts';
import { compileFilterPolicy, FilterPolicyError, matchesFilterPolicy, type CompiledFilterPolicy, type FilterPolicyScope } from './filterPolicy.ts';
import { SNS_CHUNK_KB, SNS_PUBLISH_PRICE, snsBehaviour, snsProperties } from './spec.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';

// Module-local copies: imported bindings are getters under some loaders, and these are read per publish.
const CHUNK_KB = SNS_CHUNK_KB;
const PUBLISH_PRICE = SNS_PUBLISH_PRICE;

interface Subscription {
  edge: Edge;
  policy: CompiledFilterPolicy | null;
  /** Lambda subscribers are invoked asynchronously (docs/aws-behaviour.md "SNS: Lambda subscribers"). */
  async: boolean;
  dlq: Edge | null;
  /** FIFO topics: the last delivery time, so deliveries to a subscriber keep publish order. */
  lastDeliveryAt: number;
}

/** One message on its way to one subscriber (or to that subscription's DLQ), across its retries. Pooled. */
class Delivery {
  attempts = 0;
  toDlq = false;
  sub: Subscription | null = null;
  msg: Message | null = null;
  nextFree: Delivery | null = null;
}

/**
 * An AWS::SNS::Topic (docs/aws-behaviour.md "SNS"). A Publish (a message on a `call` edge) is answered Ok after
 * the publish latency; each subscription whose filter policy matches then gets its own copy after the
 * delivery latency. SQS subscribers answer like SendMessage: a Throttled or Failed answer starts the delivery
 * retry policy (deliveryRetry.ts), and a delivery that exhausts it goes to the subscription's DLQ if it has one.
 * FIFO topics keep publish order per subscriber for first attempts; a copy being retried does not hold back
 * the copies published after it (AWS would), and deduplication is not simulated (every message is distinct).
 */
export class SnsTopic extends Model implements ReplyTo {
  readonly fifo: boolean;
  private subscriptions: Subscription[] = [];
  private publishLatency!: Sampler;
  private deliveryLatency!: Sampler;
  private readonly latencyRng: Random;

  /** Exact counts for conservation: every matched copy ends delivered, failed, or still in flight. */
  readonly count = { published: 0, matched: 0, filteredOut: 0, delivered: 0, failed: 0, redrivenToDlq: 0, failedToRedrive: 0, attempts: 0 };

  private readonly hPublished: number;
  private readonly hDelivered: number;
  private readonly hFailed: number;
  private readonly hFilteredOut: number;
  private readonly hRedriven: number;
  private readonly hRedriveFailed: number;
  private readonly hCost: number;

  /** Deliveries and their retries (deliveryRetry.ts) at their times. */
  private readonly deliverTimer: Timer<Delivery>;
  /** Attempts waiting for the subscriber's (or the DLQ's) answer, by slot. */
  private readonly slots = new SlotPool(64);
  private readonly awaiting: (Delivery | null)[] = [];
  private freeDeliveries: Delivery | null = null;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    this.deliverTimer = ctx.timer((d) => this.onDeliver(d));
    this.fifo = snsProperties.parse(node.properties).FifoTopic;
    const m = ctx.metrics;
    this.hPublished = m.counter(node.id, 'NumberOfMessagesPublished');
    this.hDelivered = m.counter(node.id, 'NumberOfNotificationsDelivered');
    this.hFailed = m.counter(node.id, 'NumberOfNotificationsFailed');
    this.hFilteredOut = m.counter(node.id, 'NumberOfNotificationsFilteredOut');
    this.hRedriven = m.counter(node.id, 'NumberOfNotificationsRedrivenToDlq');
    this.hRedriveFailed = m.counter(node.id, 'NumberOfNotificationsFailedToRedriveToDlq');
    this.hCost = m.counter(node.id, COST_METRIC, 'USD');
    this.latencyRng = ctx.random(node.id, 'latency');
    this.configure(node);
  }

  private configure(node: SimNode): void {
    const b = snsBehaviour.parse(node.behaviour);
    this.publishLatency = compileDuration(b.publishLatency);
    this.deliveryLatency = compileDuration(b.deliveryLatency);
  }

  override update(node: SimNode): void {
    this.configure(node);
  }

  override start(): void {
    this.wire();
  }

  /** A live edit of a subscription (filter policy) or its DLQ: the subscriptions are wired anew. */
  override updateEdge(): void {
    this.wire();
  }

  private wire(): void {
    const dlqFor = new Map<string, Edge>();
    let defaultDlq: Edge | null = null;
    for (const e of this.out) {
      if (e.role !== 'deadLetter') continue;
      const sub = e.properties.subscription;
      if (typeof sub === 'string' && sub !== '') dlqFor.set(sub, e);
      else defaultDlq = e;
    }
    this.subscriptions = this.out
      .filter((e) => e.role === 'subscription')
      .map((edge) => ({
        edge,
        policy: this.compilePolicy(edge),
        async: edge.async,
        dlq: dlqFor.get(edge.to.id) ?? defaultDlq,
        lastDeliveryAt: 0,
      }));
    for (const id of dlqFor.keys())
      if (!this.subscriptions.some((s) => s.edge.to.id === id))
        this.ctx.warn(this.id, `a deadLetter edge names subscription "${id}", but ${this.id} has no subscription to it`);
  }

  private compilePolicy(edge: Edge): CompiledFilterPolicy | null {
    const policy = edge.properties.FilterPolicy;
    if (policy === undefined || policy === null) return null;
    const scope = (edge.properties.FilterPolicyScope ?? 'MessageAttributes') as FilterPolicyScope;
    try {
      return compileFilterPolicy(policy, scope);
    } catch (e) {
      if (e instanceof FilterPolicyError) throw new Error(`edge ${this.id} -> ${edge.to.id}: properties.${e.message}`);
      throw e;
    }
  }

  /** Publish. */
  override receive(msg: Message, _edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    const now = this.ctx.now;
    const metrics = this.ctx.metrics;
    this.count.published++;
    metrics.add(this.hPublished, 1);
    metrics.add(this.hCost, (msg.sizeKB > CHUNK_KB ? Math.ceil(msg.sizeKB / CHUNK_KB) : 1) * PUBLISH_PRICE);
    replyTo?.reply(slot, Outcome.Ok, now + this.publishLatency(this.latencyRng));
    const trace = msg.trace;
    trace?.hop(this.id, 'event', 'Publish', now, now);
    const subs = this.subscriptions;
    for (let i = 0; i < subs.length; i++) {
      const sub = subs[i];
      if (sub.policy !== null && !matchesFilterPolicy(sub.policy, msg.attributes)) {
        this.count.filteredOut++;
        metrics.add(this.hFilteredOut, 1);
        // aws-behaviour SNS "fan-out": the filter policy drops it for this subscription.
        trace?.hop(this.id, 'event', `filtered out for ${sub.edge.to.id}`, now, now, 'the filter policy does not match');
        continue;
      }
      this.count.matched++;
      let at = now + this.deliveryLatency(this.latencyRng);
      if (this.fifo) {
        if (at < sub.lastDeliveryAt) at = sub.lastDeliveryAt;
        sub.lastDeliveryAt = at;
      }
      // Each subscriber gets its own message (its own MessageId); age still counts from the original.
      const copy: Message = {
        id: this.ctx.nextMessageId(),
        createdAt: msg.createdAt,
        sizeKB: msg.sizeKB,
        attributes: msg.attributes,
        records: msg.records,
        key: msg.key,
        poison: msg.poison,
        trace: msg.trace,
      };
      this.deliverTimer.at(at, this.newDelivery(sub, copy));
      trace?.hop(this.id, 'wait', `delivery to ${sub.edge.to.id}`, now, at);
    }
  }

  private newDelivery(sub: Subscription, msg: Message): Delivery {
    const d = this.freeDeliveries ?? new Delivery();
    this.freeDeliveries = d.nextFree;
    d.nextFree = null;
    d.attempts = 0;
    d.toDlq = false;
    d.sub = sub;
    d.msg = msg;
    return d;
  }

  /** A delivery ended (delivered, failed for good, or its DLQ answered). */
  private release(d: Delivery): void {
    d.sub = null;
    d.msg = null;
    d.nextFree = this.freeDeliveries;
    this.freeDeliveries = d;
  }

  private onDeliver(d: Delivery): void {
    const sub = d.sub as Subscription;
    if (d.toDlq) {
      if (!sub.async) this.sendAwaiting(sub.dlq as Edge, d);
      else {
        this.send(sub.dlq as Edge, d.msg as Message, null, -1);
        this.release(d);
      }
      return;
    }
    d.attempts++;
    this.count.attempts++;
    if (sub.async) {
      this.send(sub.edge, d.msg as Message, null, -1);
      this.delivered();
      this.release(d);
    } else this.sendAwaiting(sub.edge, d);
  }

  /** Sends an attempt whose answer comes back through reply() with a slot that names the delivery. */
  private sendAwaiting(edge: Edge, d: Delivery): void {
    const slot = this.slots.take();
    this.awaiting[slot] = d;
    this.send(edge, d.msg as Message, this, slot);
  }

  /** A subscriber's (or a DLQ's) answer to one delivery attempt. */
  reply(slot: number, outcome: Outcome, doneAt: number): void {
    const d = this.awaiting[slot] as Delivery;
    this.awaiting[slot] = null;
    this.slots.give(slot);
    this.onReply(d, outcome, doneAt);
  }

  private onReply(d: Delivery, outcome: Outcome, doneAt: number): void {
    const metrics = this.ctx.metrics;
    if (d.toDlq) {
      if (outcome === Outcome.Ok) {
        this.count.redrivenToDlq++;
        metrics.add(this.hRedriven, 1);
      } else {
        this.count.failedToRedrive++;
        metrics.add(this.hRedriveFailed, 1);
      }
      this.release(d);
      return;
    }
    if (outcome === Outcome.Ok) {
      this.delivered();
      this.release(d);
      return;
    }
    const retry = d.attempts; // the retry that comes next, 1-based
    const trace = (d.msg as Message).trace;
    const to = (d.sub as Subscription).edge.to.id;
    if (retry <= SNS_TOTAL_RETRIES) {
      // aws-behaviour SNS "retries to SQS / Lambda".
      const delay = snsRetryDelayMs(retry);
      this.deliverTimer.at(doneAt + delay, d);
      trace?.hop(this.id, 'retry', `delivery retry ${retry} to ${to} waits`, doneAt, doneAt + delay, `after ${OUTCOME_NAMES[outcome]}`);
      return;
    }
    this.count.failed++;
    metrics.add(this.hFailed, 1);
    if (trace !== null) {
      const dlq = (d.sub as Subscription).dlq;
      trace.hop(this.id, 'deadLetter', dlq !== null ? `to the dead-letter queue ${dlq.to.id}` : 'delivery dropped', doneAt, doneAt, `${d.attempts} attempts to ${to} failed`);
      trace.fail(dlq !== null ? `sent to the dead-letter queue ${dlq.to.id}` : `dropped by ${this.id}`);
    }
    if ((d.sub as Subscription).dlq !== null) {
      d.toDlq = true;
      this.deliverTimer.at(doneAt, d);
    } else this.release(d);
  }

  private delivered(): void {
    this.count.delivered++;
    this.ctx.metrics.add(this.hDelivered, 1);
  }
}

export const createModel: ModelFactory = (ctx, node) => new SnsTopic(ctx, node);
